package org.hicserve.service.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 client on a raw socket with a small receive buffer, that reads as little as the test says: a client
 * on a slow link, or one that stopped reading. Decodes the chunked answer once read whole, and tells whether it
 * ended properly (the last, empty chunk).
 */
final class SlowClient implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    SlowClient(int port, String pathAndQuery, String token) throws IOException {
        socket.setReceiveBufferSize(8 * 1024); // before connecting: the window the service sees
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream out = socket.getOutputStream();
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = socket.getInputStream();
    }

    /** Reads {@code n} more bytes (fewer at the end of the answer). */
    SlowClient read(int n) throws IOException {
        received.write(in.readNBytes(n));
        return this;
    }

    /** From now on reads 1 KB every 50 ms on a thread of its own (a slow link that never quite stalls) until closed. */
    SlowClient trickle() {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1024];
            try {
                while (in.read(buf) >= 0) {
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        }, "slow-client-trickle");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** Reads to the end of the connection (the service closes it after the answer, or when it cuts it). */
    SlowClient readToEnd() throws IOException {
        received.write(in.readAllBytes());
        return this;
    }

    int receivedBytes() {
        return received.size();
    }

    String head() {
        String all = new String(received.toByteArray(), StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        return end < 0 ? all : all.substring(0, end);
    }

    int status() {
        String h = head();
        return Integer.parseInt(h.substring(9, 12));
    }

    /** The decoded chunked body; {@code complete[0]} says whether the terminating chunk was there. */
    byte[] body(boolean[] complete) {
        byte[] all = received.toByteArray();
        int pos = new String(all, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        complete[0] = false;
        while (pos < all.length) {
            int eol = indexOf(all, pos);
            if (eol < 0) {
                break;
            }
            String sizeLine = new String(all, pos, eol - pos, StandardCharsets.US_ASCII).strip();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt(semi < 0 ? sizeLine : sizeLine.substring(0, semi), 16);
            pos = eol + 2;
            if (size == 0) {
                complete[0] = true;
                break;
            }
            if (pos + size > all.length) {
                break; // cut in the middle of a chunk
            }
            body.write(all, pos, size);
            pos += size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] a, int from) {
        for (int i = from; i + 1 < a.length; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
