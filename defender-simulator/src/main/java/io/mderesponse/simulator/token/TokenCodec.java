package io.mderesponse.simulator.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and checks the simulator's JWTs, HS256-signed with a key made at start: no token outlives the process,
 * and nobody can mint one without the token endpoint.
 */
@ApplicationScoped
public class TokenCodec {

    private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key = new byte[32];
    private final ObjectMapper mapper;

    public TokenCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        new SecureRandom().nextBytes(key);
    }

    /** The claims of a token, named as Entra ID names them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Claims(String aud, String iss, Long iat, Long nbf, Long exp, String tid, String appid, List<String> roles,
            String ver) {
    }

    public String encode(AccessToken token) {
        Claims claims = new Claims(token.audience().aud(), "https://sts.windows.net/" + token.tenantId() + "/",
                token.issuedAt().getEpochSecond(), token.issuedAt().getEpochSecond(),
                token.expiresAt().getEpochSecond(), token.tenantId(), token.appId(), token.roles(), "1.0");
        try {
            String payload = encode(mapper.writeValueAsBytes(claims));
            String signingInput = HEADER + "." + payload;
            return signingInput + "." + encode(sign(signingInput));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write a token", e);
        }
    }

    /** The token's claims if it is well formed and signed by this process; expiry is the caller's check. */
    public Optional<AccessToken> decode(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            Claims claims = mapper.readValue(Base64.getUrlDecoder().decode(parts[1]), Claims.class);
            Optional<Audience> audience = Audience.ofAud(claims.aud());
            if (audience.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new AccessToken(audience.get(), claims.tid(), claims.appid(),
                    claims.roles() == null ? List.of() : claims.roles(),
                    Instant.ofEpochSecond(claims.iat()), Instant.ofEpochSecond(claims.exp())));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String input) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
