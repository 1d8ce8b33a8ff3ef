package io.oiefilter.idx.okta;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.oiefilter.idx.IdxVerify;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads what Okta Verify's steps carry in the raw body (2.0.0 drops all of it): the method, the number challenge
 * (contextualData.correctAnswer), the enrollment channel and QR code, where a link went, the poll's refresh. Okta
 * draws the enrollment link as a PNG; the link is read back from it so that the page draws its own QR code (as for
 * Google Authenticator) and never shows an image Okta sent. Everything bounded.
 */
final class OktaVerifyStates {
    private static final int MAX_IMAGE_CHARS = 200_000;
    private static final int MAX_LINK = 2000;
    private static final int MAX_ADDRESS = 100;
    private static final long DEFAULT_REFRESH = 4000;
    private static final List<String> CHANNELS = List.of("qrcode", "email", "sms");

    private OktaVerifyStates() {
    }

    static IdxVerify read(Map<String, Object> raw, Map<?, ?> current) {
        Map<?, ?> context = current.get("contextualData") instanceof Map<?, ?> m ? m : Map.of();
        String method = current.get("methods") instanceof List<?> ms && ms.size() == 1 && ms.get(0) instanceof Map<?, ?> m0
                && m0.get("type") instanceof String t && (t.equals("push") || t.equals("totp")) ? t : null;
        String channel = context.get("selectedChannel") instanceof String c && CHANNELS.contains(c) ? c : null;
        Object sent = context.get("email") != null ? context.get("email") : context.get("phoneNumber");
        Map<?, ?> qr = context.get("qrcode") instanceof Map<?, ?> q ? q : Map.of();
        return new IdxVerify(authenticatorId(raw, current), channel == null ? method : null, number(context.get("correctAnswer")),
                qr.get("href") instanceof String href ? link(href) : null, channel,
                sent instanceof String s && !s.isBlank() && s.length() <= MAX_ADDRESS ? s : null, refresh(raw),
                first(raw).equals("resend"));
    }

    private static String authenticatorId(Map<String, Object> raw, Map<?, ?> current) {
        if (current.get("id") instanceof String id && id.length() <= 100) {
            return id;
        }
        // The enrollment recordings name it only in select-enrollment-channel's authenticator form.
        for (Map<?, ?> r : remediations(raw)) {
            if ("select-enrollment-channel".equals(r.get("name")) && r.get("value") instanceof List<?> fields) {
                for (Object f : fields) {
                    Map<?, ?> form = f instanceof Map<?, ?> fm ? IdxStates.path(cast(fm), "value", "form") : null;
                    if (form != null && form.get("value") instanceof List<?> values) {
                        for (Object v : values) {
                            if (v instanceof Map<?, ?> vm && "id".equals(vm.get("name")) && vm.get("value") instanceof String id
                                    && id.length() <= 100) {
                                return id;
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static List<Map<?, ?>> remediations(Map<String, Object> raw) {
        Map<?, ?> r = raw.get("remediation") instanceof Map<?, ?> m ? m : Map.of();
        List<Map<?, ?>> out = new java.util.ArrayList<>();
        if (r.get("value") instanceof List<?> l) {
            l.forEach(x -> {
                if (x instanceof Map<?, ?> m) {
                    out.add(m);
                }
            });
        }
        return out;
    }

    private static String first(Map<String, Object> raw) {
        List<Map<?, ?>> all = remediations(raw);
        return all.isEmpty() || !(all.get(0).get("name") instanceof String n) ? "" : n;
    }

    /** The poll's refresh in milliseconds, kept between 1 and 60 seconds whatever the answer says. */
    private static long refresh(Map<String, Object> raw) {
        for (Map<?, ?> r : remediations(raw)) {
            if (r.get("refresh") instanceof Number n) {
                return Math.max(1000, Math.min(60_000, n.longValue()));
            }
        }
        return DEFAULT_REFRESH;
    }

    private static Integer number(Object o) {
        String s = o instanceof Number || o instanceof String ? String.valueOf(o) : null;
        return s != null && s.matches("\\d{1,3}") ? Integer.valueOf(s) : null;
    }

    /** The image, when its header says it is a PNG of at most 2000x2000 pixels (checked before any pixel is read). */
    private static BufferedImage boundedPng(byte[] png) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (in == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.getWidth(0) > 2000 || reader.getHeight(0) > 2000 ? null : reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The text of Okta's QR code image (a data URI of a PNG), or null when it cannot be read. */
    static String link(String dataUri) {
        String prefix = "data:image/png;base64,";
        if (dataUri.length() > MAX_IMAGE_CHARS || !dataUri.startsWith(prefix)) {
            return null;
        }
        try {
            BufferedImage image = boundedPng(Base64.getDecoder().decode(dataUri.substring(prefix.length())));
            if (image == null) {
                return null;
            }
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(),
                    image.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            return text.length() <= MAX_LINK ? text : null;
        } catch (IOException | IllegalArgumentException | ReaderException e) {
            return null;
        }
    }
}
