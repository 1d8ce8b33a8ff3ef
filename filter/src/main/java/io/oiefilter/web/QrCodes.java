package io.oiefilter.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The QR code an authenticator app scans to be set up, drawn here (no image service, nothing
 * leaves the server): the standard otpauth URI of the shared secret, encoded by ZXing, drawn as an
 * SVG and given to the page as a data URI.
 */
final class QrCodes {
    private QrCodes() {
    }

    /** The QR code of a TOTP secret; empty when it cannot be drawn (a name too long for any QR code). */
    static java.util.Optional<String> totpImage(String base32Secret, String account, String issuer) {
        try {
            return java.util.Optional.of(svgDataUri(totpUri(base32Secret, account, issuer)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The QR code of a link (Okta Verify's enrollment); empty when too long for a QR code. */
    static java.util.Optional<String> image(String link) {
        try {
            return java.util.Optional.of(svgDataUri(link));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** An {@code otpauth://totp/...} URI: RFC 6238's defaults (SHA1, 6 digits, 30 s), as Okta's own QR codes carry. */
    static String totpUri(String base32Secret, String account, String issuer) {
        String label = enc(issuer) + ":" + enc(account == null || account.isBlank() ? "account" : account);
        return "otpauth://totp/" + label + "?secret=" + enc(base32Secret) + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The QR code of {@code text}, as a {@code data:image/svg+xml;base64,...} URI. */
    static String svgDataUri(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot be drawn as a QR code", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                + path + "\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
