package io.oiefilter.web;

import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the filter does per dispatch type, for a request with no sign-in to a protected path: a REQUEST and an ASYNC
 * dispatch go to the entry point; an ERROR dispatch (the error page of an answer already decided) goes on as it is.
 */
class OieRequestHandlerDispatchTest {

    private static HttpServletRequest request(DispatcherType type, String servletPath) {
        return (HttpServletRequest) Proxy.newProxyInstance(OieRequestHandlerDispatchTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getDispatcherType" -> type;
                    case "getServletPath" -> servletPath;
                    case "getContextPath" -> "/sample";
                    default -> null; // no session, no path info
                });
    }

    private static List<String> handle(DispatcherType type) throws Exception {
        OieConfig config = OieConfig.resolve(List.of(ConfigSource.named(Map.of(OieConfig.ISSUER, "https://example.okta.com/oauth2/default",
                OieConfig.CLIENT_ID, "c", OieConfig.CLIENT_SECRET, "s", OieConfig.REDIRECT_URI, "https://app.example.com/cb",
                OieConfig.PROTECTED_PATHS, "/app/*")::get, k -> k)));
        List<String> what = new ArrayList<>();
        OieRequestHandler handler = new OieRequestHandler(config, null, null, (req, res, signInPath) -> what.add("entry point " + signInPath));
        HttpServletRequest request = request(type, "/app/error.jsp");
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(OieRequestHandlerDispatchTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> null);
        handler.handle(request, response, (req, res) -> what.add(req == request ? "chain, as it is" : "chain, wrapped"));
        return what;
    }

    @Test
    void onlyAnErrorDispatchGoesOnWithoutASignIn() throws Exception {
        assertEquals(List.of("entry point /oie/sign-in"), handle(DispatcherType.REQUEST));
        assertEquals(List.of("entry point /oie/sign-in"), handle(DispatcherType.ASYNC), "a dispatch from an AsyncContext is a request");
        assertEquals(List.of("chain, as it is"), handle(DispatcherType.ERROR), "an error page is never a redirect to sign-in");
    }
}
