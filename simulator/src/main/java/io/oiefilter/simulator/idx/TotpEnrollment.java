package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.Totp;

import java.net.URI;

/**
 * What a Google Authenticator enrollment shows, as recorded (widget mock authenticator-enroll-google-authenticator.json):
 * currentAuthenticator.value.contextualData with the QR code of the key URI (an embedded PNG data URI) and the
 * same secret as text, sharedSecret, for typing in. The key URI names the org (its host) and the user's login.
 */
final class TotpEnrollment {
    private final ObjectMapper json;
    private final String issuer;

    TotpEnrollment(ObjectMapper json, String orgBase) {
        this.json = json;
        String host = URI.create(orgBase).getHost();
        this.issuer = host == null ? orgBase : host;
    }

    ObjectNode contextualData(Interaction i) {
        String uri = Totp.keyUri(issuer, i.user.login(), i.totpSecret);
        ObjectNode qrcode = json.createObjectNode().put("method", "embedded").put("href", QrCodes.pngDataUri(uri))
                .put("type", "image/png");
        ObjectNode data = json.createObjectNode();
        data.set("qrcode", qrcode);
        data.put("sharedSecret", i.totpSecret);
        return data;
    }
}
