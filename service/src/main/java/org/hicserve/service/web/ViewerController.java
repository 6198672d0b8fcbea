package org.hicserve.service.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The viewer pages: {@code /} (the files, as {@code static/index.html}), {@code /view?file=F} (HiGlass) and
 * {@code /juicebox?file=F} (juicebox.js on the raw endpoint). The pages are static; their scripts read the file
 * parameter and call the HiGlass and raw endpoints with the caller's token, so access rules stay those of the API.
 */
@Controller
class ViewerController {
    @GetMapping("/")
    String index() {
        return "forward:/index.html";
    }

    @GetMapping("/view")
    String view() {
        return "forward:/view.html";
    }

    @GetMapping("/juicebox")
    String juicebox() {
        return "forward:/juicebox.html";
    }
}
