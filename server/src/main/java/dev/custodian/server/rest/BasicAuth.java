package dev.custodian.server.rest;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/** HTTP Basic authentication (RFC 7617) against {@code RegisteredUsers}. */
final class BasicAuth {
    static final String REALM = "Basic realm=\"Custodian\"";
    private final Map<String, String> users;

    BasicAuth(Map<String, String> users) {
        this.users = Map.copyOf(users);
    }

    void check(Context ctx) {
        if (!accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", REALM);
            throw new RestException(OrthancError.UNAUTHORIZED, "HTTP Basic credentials of a RegisteredUsers entry are required");
        }
    }

    boolean accepts(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String expected = users.get(decoded.substring(0, colon));
        return expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
    }
}
