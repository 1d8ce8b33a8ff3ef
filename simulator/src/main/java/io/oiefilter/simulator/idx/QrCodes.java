package io.oiefilter.simulator.idx;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * The QR code of a Google Authenticator enrollment, as Okta sends it in contextualData.qrcode.href: a data URI of
 * a 200x200 PNG (the recorded size) that encodes the otpauth:// key URI. Made in-process.
 */
final class QrCodes {
    static final int SIZE = 200;

    private QrCodes() {
    }

    static String pngDataUri(String content) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(content));
    }

    static byte[] png(String content) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE, Map.of(EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + content, e);
        }
        BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                image.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
