package io.trafficcop.proxy.middleware.digestauth;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;

/** The digest client of Traefik's digest_auth_request_test.go: answers a challenge for one user. */
final class DigestClient {

    private final String username;
    private final String password;
    private int nonceCount;

    DigestClient(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** The parts Traefik's test client reads from the challenge (algorithm, nonce, opaque, qop, realm). */
    static Map<String, String> challengeParts(String wwwAuthenticate) {
        Map<String, String> parts = new HashMap<>();
        for (String piece : wwwAuthenticate.split(",")) {
            for (String wanted : new String[] {"algorithm", "nonce", "opaque", "qop", "realm"}) {
                if (piece.contains(wanted)) {
                    String[] quoted = piece.split("\"");
                    parts.put(wanted, quoted.length > 1 ? quoted[1] : piece.substring(piece.indexOf('=') + 1));
                }
            }
        }
        return parts;
    }

    String authorization(String method, String uri, Map<String, String> parts) {
        return authorization(method, uri, parts, ++nonceCount);
    }

    String authorization(String method, String uri, Map<String, String> parts, int nc) {
        String ha1 = DigestUtils.md5Hex(username + ":" + parts.get("realm") + ":" + password);
        String ha2 = DigestUtils.md5Hex(method + ":" + uri);
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String cnonce = HexFormat.of().formatHex(random);
        String ncText = String.format("%08x", nc);
        String response = DigestUtils.md5Hex(String.join(":", ha1, parts.get("nonce"), ncText, cnonce,
                parts.get("qop"), ha2));
        return "Digest username=\"" + username + "\", realm=\"" + parts.get("realm") + "\", nonce=\""
                + parts.get("nonce") + "\", uri=\"" + uri + "\", algorithm=" + parts.get("algorithm") + ", qop="
                + parts.get("qop") + ", nc=" + ncText + ", cnonce=\"" + cnonce + "\", response=\"" + response
                + "\", opaque=\"" + parts.get("opaque") + "\"";
    }
}
