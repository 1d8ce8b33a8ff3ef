package io.oiefilter.bench.war;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * GET /race?mode=...: an asynchronous answer made in one of four ways, for {@code benchmarks/async-race.sh}, which
 * counts how many answers the container loses or sends twice. Plain servlet code, no filter involved:
 * <ul>
 *   <li>{@code now}: another thread dispatches at once (races the request thread's way out of the container);</li>
 *   <li>{@code later}: another thread dispatches after {@value #LATER_MILLIS} ms (the request thread has left);</li>
 *   <li>{@code same}: the request thread itself dispatches before returning;</li>
 *   <li>{@code complete}: another thread writes the answer and completes at once.</li>
 * </ul>
 * Every way answers exactly {@value #ANSWER}.
 */
@WebServlet(urlPatterns = "/race", asyncSupported = true)
public class AsyncRaceServlet extends HttpServlet {
    static final String ANSWER = "answered";
    static final long LATER_MILLIS = 100;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            answer(response);
            return;
        }
        String mode = String.valueOf(request.getParameter("mode"));
        AsyncContext async = request.startAsync();
        async.setTimeout(10_000);
        switch (mode) {
            case "now" -> async.start(async::dispatch);
            case "later" -> async.start(() -> {
                pause();
                async.dispatch();
            });
            case "same" -> async.dispatch();
            case "complete" -> async.start(() -> {
                try {
                    answer(response);
                } catch (IOException e) {
                    log("race: answer failed", e);
                } finally {
                    async.complete();
                }
            });
            default -> {
                response.sendError(400, "mode: now, later, same or complete");
                async.complete();
            }
        }
    }

    private static void answer(HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(ANSWER);
    }

    private static void pause() {
        try {
            Thread.sleep(LATER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
