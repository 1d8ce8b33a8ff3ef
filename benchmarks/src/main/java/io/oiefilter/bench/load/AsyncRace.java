package io.oiefilter.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks the bench WAR's {@code /race} (AsyncRaceServlet, no filter) for an asynchronous answer in each of its ways, a
 * bounded number of times, and counts what came back: the answer once, twice in one response, nothing (the client
 * gave up after 5 s while the server still held the request), or anything else. Prints one Markdown row per way.
 *   AsyncRace BASE_URL COUNT CONCURRENCY SECONDS_PER_WAY
 */
public final class AsyncRace {
    private static final String ANSWER = "answered"; // AsyncRaceServlet.ANSWER
    private static final List<String> WAYS = List.of("now", "later", "same", "complete");

    private AsyncRace() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Duration limit = Duration.ofSeconds(Long.parseLong(args[3]));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        System.out.println("| way | requests | answered once | sent twice | lost (no answer in 5 s) | other |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String way : WAYS) {
            AtomicInteger once = new AtomicInteger();
            AtomicInteger twice = new AtomicInteger();
            AtomicInteger lost = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/race?mode=" + way)).timeout(Duration.ofSeconds(5)).build();
            Bounded.Outcome outcome = Bounded.run(count, concurrency, limit, i -> {
                try {
                    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().equals(ANSWER)) {
                        once.incrementAndGet();
                    } else if (r.statusCode() == 200 && r.body().equals(ANSWER + ANSWER)) {
                        twice.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                } catch (HttpTimeoutException e) {
                    lost.incrementAndGet();
                }
            });
            int others = other.get() + outcome.failed();
            System.out.printf("| %s | %d | %d | %d | %d | %d |%n", way, once.get() + twice.get() + lost.get() + others, once.get(),
                    twice.get(), lost.get(), others);
            outcome.failures().forEach(f -> System.err.println("race " + way + ": " + f));
        }
    }
}
