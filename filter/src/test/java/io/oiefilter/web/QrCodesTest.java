package io.oiefilter.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The QR code the set-up page shows reads back as the otpauth URI an authenticator app expects. */
class QrCodesTest {

    @Test
    void theUriCarriesTheSecretAndNamesTheAccount() {
        assertEquals("otpauth://totp/org.okta.com:a%20b%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=org.okta.com"
                + "&algorithm=SHA1&digits=6&period=30", QrCodes.totpUri("JBSWY3DPEHPK3PXP", "a b@example.com", "org.okta.com"));
    }

    @Test
    void theDrawnCodeDecodesToTheUri() throws Exception {
        String uri = QrCodes.totpUri("JBSWY3DPEHPK3PXP", "alice@example.com", "org.okta.com");
        String dataUri = QrCodes.svgDataUri(uri);
        assertTrue(dataUri.startsWith("data:image/svg+xml;base64,"));
        String svg = new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)), StandardCharsets.UTF_8);
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find(), svg);
        int w = Integer.parseInt(box.group(1));
        int h = Integer.parseInt(box.group(2));
        int scale = 4; // the reader wants a few pixels per module
        int[] pixels = new int[w * scale * h * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * w * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w * scale, h * scale, pixels)));
        assertEquals(uri, new QRCodeReader().decode(bitmap).getText());
    }

    @Test
    void aNameTooLongForAnyQrCodeLeavesThePageWithTheKeyOnly() {
        assertTrue(QrCodes.totpImage("JBSWY3DPEHPK3PXP", "é".repeat(2000), "org.okta.com").isEmpty(), "no 500: the key is still shown");
        assertTrue(QrCodes.totpImage("JBSWY3DPEHPK3PXP", "alice@example.com", "org.okta.com").isPresent());
    }
}
