package org.hicserve.service.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hicserve.service.error.ServiceException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query whose answer would not be what was asked: a parameter the endpoint does not know (a typo such
 * as {@code normalisation=}, or one a later version adds), a parameter given twice, or an empty number. The
 * known parameters are read from each handler's {@code @RequestParam}s, so a new endpoint is checked as soon as
 * it is written (unknown names are refused on {@code /api} only: the HiGlass API follows HiGlass's client).
 * Stateless apart from a cache of those names.
 */
final class ParameterCheck implements HandlerInterceptor {
    /** A handler's parameters: name -> whether it may repeat; and whether it is a number. */
    private record Known(Map<String, Boolean> repeatable, Map<String, Boolean> numeric) {
    }

    private final Map<java.lang.reflect.Method, Known> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // only the client's own request: an error or async dispatch of a started answer carries the same
        // parameters to another handler, and a refusal there would write JSON into the answer's bytes
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST
                || response.isCommitted()) {
            return true;
        }
        Known k = known.computeIfAbsent(method.getMethod(), m -> knownOf(method));
        // hicserve's own API refuses names it does not know; the HiGlass API is called by HiGlass's client, which
        // adds parameters of its own (such as s=, a session id) that it expects a server to ignore
        boolean strictNames = request.getRequestURI().startsWith("/api/");
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            String name = p.getKey();
            Boolean repeatable = k.repeatable().get(name);
            if (repeatable == null && !strictNames) {
                continue;
            }
            if (repeatable == null) {
                throw ServiceException.badRequest("unknown_parameter", "unknown parameter '" + name + "'; "
                        + request.getRequestURI() + " takes " + (k.repeatable().isEmpty() ? "no parameters"
                        : String.join(", ", k.repeatable().keySet())));
            }
            if (p.getValue().length > 1 && !repeatable) {
                throw ServiceException.badRequest("repeated_parameter", "parameter '" + name + "' is given "
                        + p.getValue().length + " times; give it once");
            }
            if (k.numeric().get(name) && p.getValue().length == 1 && p.getValue()[0].isBlank()) {
                throw ServiceException.badRequest("invalid_parameter", "parameter '" + name
                        + "' is empty; give a whole number or leave it out");
            }
        }
        return true;
    }

    private static Known knownOf(HandlerMethod method) {
        Map<String, Boolean> repeatable = new LinkedHashMap<>();
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (var mp : method.getMethodParameters()) {
            Parameter p = mp.getParameter();
            RequestParam rp = AnnotatedElementUtils.findMergedAnnotation(p, RequestParam.class);
            if (rp == null) {
                continue;
            }
            String name = !rp.name().isEmpty() ? rp.name() : p.getName();
            Class<?> type = p.getType();
            repeatable.put(name, type.isArray() || Collection.class.isAssignableFrom(type));
            numeric.put(name, Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class));
        }
        return new Known(repeatable, numeric);
    }
}
