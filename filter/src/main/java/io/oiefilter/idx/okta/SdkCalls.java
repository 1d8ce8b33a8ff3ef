package io.oiefilter.idx.okta;

import com.okta.commons.http.RequestExecutor;
import com.okta.idx.sdk.api.client.IDXAuthenticationWrapper;
import com.okta.idx.sdk.api.client.IDXClient;
import com.okta.idx.sdk.api.config.ClientConfiguration;
import com.okta.idx.sdk.api.exception.ProcessingException;
import io.oiefilter.idx.IdxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.okta.commons.http.DefaultRequest;
import com.okta.commons.http.HttpHeaders;
import com.okta.commons.http.HttpMethod;
import com.okta.commons.http.Request;
import com.okta.commons.http.Response;
import com.okta.idx.sdk.api.response.IDXResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Runs okta-idx-java 2.0.0 calls with what the SDK lacks: a deadline and a bound on how many wait
 * at once ({@link DeadlinePool}: its HTTP client has no timeouts, okta-commons leaves them at 0), and
 * the raw exchange each call made (through the {@link ExchangeRecorder} put in front of its HTTP client).
 */
final class SdkCalls implements AutoCloseable {
    /** What one call gave: its value, or the SDK's exception for an error answer; and the exchange. */
    record Result<T>(T value, ProcessingException failure, ExchangeRecorder.Exchange exchange) implements DeadlinePool.Answered {
        @Override
        public boolean refused() {
            return failure != null;
        }
    }

    @FunctionalInterface
    interface SdkCall<T> {
        T run(IDXClient client) throws ProcessingException;
    }

    private final IDXClient client;
    private final ExchangeRecorder recorder;
    private final DeadlinePool pool;
    private final ObjectMapper mapper;

    SdkCalls(IDXAuthenticationWrapper wrapper, DeadlinePool pool) {
        this.client = field(IDXAuthenticationWrapper.class, wrapper, "client", IDXClient.class);
        this.recorder = new ExchangeRecorder(field(client.getClass(), client, "requestExecutor", RequestExecutor.class));
        set(client, "requestExecutor", recorder);
        this.mapper = field(client.getClass(), client, "objectMapper", ObjectMapper.class);
        this.pool = pool;
    }

    /**
     * Points this client at {@code issuer}: 2.0.0 reads every URL from its configuration at each call
     * ({@code getIssuer}, {@code getBaseUrl}), and checks the issuer only when the client is built.
     */
    void useIssuer(String issuer) {
        field(client.getClass(), client, "clientConfiguration", ClientConfiguration.class).setIssuer(issuer);
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Runs the call within the deadline. An error answer comes back as {@link Result#failure()}; no
     * free slot within the wait is a BUSY {@link IdxException}; no answer in time, or any runtime failure
     * of the SDK (such as its NullPointerException on an error without a content type) is UNAVAILABLE.
     */
    <T> Result<T> run(String name, SdkCall<T> call) throws IdxException {
        return pool.run(name, () -> {
            try {
                T value = call.run(client);
                return new Result<>(value, null, recorder.takeLast());
            } catch (ProcessingException e) {
                return new Result<>(null, e, recorder.takeLast());
            }
        });
    }

    /**
     * POSTs an IDX form 2.0.0 has no request type for (select-identify, unlock-account, the unlock
     * form with its identifier), the way the SDK posts its own: its headers, its HTTP client, its
     * error handling and its model of the answer.
     */
    Result<IDXResponse> post(String name, String href, Map<String, Object> body) throws IdxException {
        return run(name, c -> form(href, body));
    }

    private IDXResponse form(String href, Map<String, Object> body) throws ProcessingException {
        try {
            HttpHeaders headers = (HttpHeaders) call("getHttpHeaders", new Class<?>[] {boolean.class}, false);
            byte[] bytes = mapper.writeValueAsBytes(body);
            Request request = new DefaultRequest(HttpMethod.POST, href, null, headers, new ByteArrayInputStream(bytes), -1L);
            Response response = recorder.executeRequest(request);
            if (response.getHttpStatus() != 200) {
                call("handleErrorResponse", new Class<?>[] {Request.class, Response.class}, request, response);
            }
            return mapper.convertValue(mapper.readTree(response.getBody()), IDXResponse.class);
        } catch (IOException e) {
            throw new ProcessingException(e);
        }
    }

    /**
     * The IDX state an error answer carries, in the SDK's model: Okta sends the whole state with a refused step
     * (its remediations, to try again). Empty when the answer has none (an expired transaction, a bare error).
     */
    Optional<IDXResponse> stateIn(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode state = mapper.readTree(body);
            JsonNode remediations = state.path("remediation").path("value");
            if (!state.path("stateHandle").isTextual() || !remediations.isArray() || remediations.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(mapper.convertValue(state, IDXResponse.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // not a state this SDK reads: the state is read again instead
        }
    }

    private Object call(String method, Class<?>[] types, Object... args) throws ProcessingException {
        try {
            Method m = client.getClass().getDeclaredMethod(method, types);
            m.setAccessible(true);
            return m.invoke(client, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ProcessingException p) {
                throw p;
            }
            throw new ProcessingException(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("okta-idx-java is not the 2.0.0 this port was written for: " + e, e);
        }
    }


    private static <T> T field(Class<?> owner, Object target, String name, Class<T> type) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(target));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("okta-idx-java is not the 2.0.0 this port was written for: " + e, e);
        }
    }

    private static void set(Object target, String name, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(name);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("okta-idx-java is not the 2.0.0 this port was written for: " + e, e);
        }
    }
}
