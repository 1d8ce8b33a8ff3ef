package io.oiefilter.sample;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;

/**
 * GET /app/async: an asynchronous servlet behind the filter, answered on another thread (the container's, through
 * {@link AsyncContext#start}). It reads the user from the request it was given: the filter's request carries the
 * signed-in user to any thread. After a plain {@code startAsync()}, {@link AsyncContext#getRequest()} is the
 * container's own request, without the filter's user. {@code ?dispatch} hands the answer to a JSP with
 * {@link AsyncContext#dispatch(String)}: an ASYNC dispatch, which the filter sees when it is mapped for ASYNC.
 *
 * <p>The dispatch comes after a {@value #BACKEND_MILLIS} ms wait, as an answer from a backend would. Payara Micro 6
 * (6.2025.10) races a dispatch made from another thread while the request thread is still leaving the container,
 * with or without the filter: now and then the answer is sent twice, or lost (the client waits out the timeout).
 * A dispatch made later is safe: {@code benchmarks/async-race.sh} and README "Asynchronous servlets".
 */
@WebServlet(urlPatterns = "/app/async", asyncSupported = true)
public class AsyncGreetingServlet extends HttpServlet {
    static final String THREAD_ATTRIBUTE = "asyncThread";
    static final long BACKEND_MILLIS = 100;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String requestThread = Thread.currentThread().getName();
        AsyncContext async = request.startAsync();
        async.setTimeout(30_000);
        boolean dispatch = request.getParameter("dispatch") != null;
        async.start(() -> {
            if (dispatch) {
                try {
                    Thread.sleep(BACKEND_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                request.setAttribute(THREAD_ATTRIBUTE, Thread.currentThread().getName());
                async.dispatch("/app/async-answer.jsp");
                return;
            }
            try {
                Principal user = request.getUserPrincipal();
                response.setContentType("text/plain;charset=UTF-8");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter().write("Hello " + (user == null ? "nobody" : user.getName()) + ", answered on another thread: "
                        + !Thread.currentThread().getName().equals(requestThread) + "\n");
            } catch (IOException e) {
                log("async answer failed", e);
            } finally {
                async.complete();
            }
        });
    }
}
