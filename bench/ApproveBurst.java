import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 200 approve calls released at once over HTTP Basic: request i is approved twice by the same approver
 * (the second call must be 409), approvers take turns. Health is polled all along. Prints the status mix.
 * Args: base-url management-url password approvers ids-file
 */
public class ApproveBurst {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String mgmt = args[1];
        String password = args[2];
        int approvers = Integer.parseInt(args[3]);
        List<String> ids = Files.readAllLines(Path.of(args[4])).stream().filter(s -> !s.isBlank()).toList();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int calls = ids.size() * 2;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch ready = new CountDownLatch(calls);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, AtomicInteger> mix = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String id = ids.get(i / 2);
            String user = "approver" + ((i / 2) % approvers + 1);
            String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            done.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/requests/" + id + "/approve"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"burst\"}")).build();
                ready.countDown();
                go.await();
                String key;
                try {
                    HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                    key = String.valueOf(answer.statusCode());
                    if (answer.statusCode() == 503) {
                        key += answer.headers().firstValue("Retry-After").map(v -> " with Retry-After").orElse(" WITHOUT Retry-After");
                    }
                } catch (Exception e) {
                    key = "no answer (" + e.getClass().getSimpleName() + ")";
                }
                mix.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        ready.await();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, AtomicInteger> health = new ConcurrentHashMap<>();
        long[] slowestHealth = {0};
        Thread poller = new Thread(() -> {
            while (running.get()) {
                long t0 = System.nanoTime();
                String key;
                try {
                    key = String.valueOf(client.send(HttpRequest.newBuilder(URI.create(mgmt + "/q/health/live"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                } catch (Exception e) {
                    key = "no answer";
                }
                slowestHealth[0] = Math.max(slowestHealth[0], (System.nanoTime() - t0) / 1_000_000);
                health.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poller.start();
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        poller.join();
        pool.shutdown();
        System.out.println("| answer | calls |");
        System.out.println("| --- | ---: |");
        new TreeMap<>(mix).forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
        System.out.println();
        System.out.println("calls: " + calls + " on " + ids.size() + " requests (each approved twice by one of " + approvers
                + " approvers, HTTP Basic), all released at once; wall time " + millis + " ms");
        System.out.println("/q/health/live during the burst: " + new TreeMap<>(health) + ", slowest " + slowestHealth[0] + " ms");
        System.out.println("BURST 500s=" + mix.getOrDefault("500", new AtomicInteger()).get());
    }
}
