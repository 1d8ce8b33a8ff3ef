package io.oiefilter.idx.okta;

import com.okta.commons.http.DefaultResponse;
import com.okta.commons.http.HttpException;
import com.okta.commons.http.Request;
import com.okta.commons.http.RequestExecutor;
import com.okta.commons.http.Response;
import io.oiefilter.i18n.OktaLanguage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sits between okta-idx-java 2.0.0 and its HTTP client to keep what the SDK throws away: the
 * status, {@code X-Rate-Limit-Reset} and the raw body (where {@code expiresAt}, the enrolled
 * authenticators and the password rules are). Each SDK call runs on its own pool thread, so the
 * last exchange is kept per thread and read by the same task that made the call. Bodies are
 * bounded: a larger answer is treated as a broken one.
 */
final class ExchangeRecorder implements RequestExecutor {
    /** Okta's largest IDX states are tens of KB; anything near this is not an IDX answer. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** One request and its answer, as far as the port needs it. */
    record Exchange(int status, String rateLimitReset, byte[] body) {
        static final Exchange NONE = new Exchange(0, null, new byte[0]);
    }

    private final RequestExecutor delegate;
    private final ThreadLocal<Exchange> last = new ThreadLocal<>();

    ExchangeRecorder(RequestExecutor delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response executeRequest(Request request) throws HttpException {
        last.remove();
        String language = OktaLanguage.header();
        if (language != null) {
            request.getHeaders().set("Accept-Language", language); // Okta words its messages in the page's language
        }
        Response response = delegate.executeRequest(request);
        byte[] body;
        try (InputStream in = response.hasBody() ? response.getBody() : null) {
            body = in == null ? new byte[0] : readBounded(in, MAX_BODY_BYTES);
        } catch (IOException e) {
            throw new HttpException("reading Okta's answer failed: " + e.getMessage(), e);
        }
        last.set(new Exchange(response.getHttpStatus(), response.getHeaders().getFirst("X-Rate-Limit-Reset"), body));
        DefaultResponse copy = new DefaultResponse(response.getHttpStatus(), response.getHeaders().getContentType(),
                new ByteArrayInputStream(body), body.length);
        copy.setHeaders(response.getHeaders());
        return copy;
    }

    /** The exchange the SDK call just made on this thread (and forgets it). */
    Exchange takeLast() {
        Exchange e = last.get();
        last.remove();
        return e == null ? Exchange.NONE : e;
    }

    /** Reads a whole answer, refusing one larger than {@code max} bytes. */
    static byte[] readBounded(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > max) {
                throw new IOException("answer larger than " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
