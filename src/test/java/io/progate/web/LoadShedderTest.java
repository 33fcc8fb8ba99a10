package io.progate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoadShedderTest {

    static WebConfig config(int maxInFlight, int maxQueued, Duration wait) {
        return new WebConfig() {
            public MemorySize maxBodySize() {
                return new MemorySize(BigInteger.ONE);
            }

            public Optional<List<String>> trustedOrigins() {
                return Optional.empty();
            }

            public int maxInFlight() {
                return maxInFlight;
            }

            public int maxQueued() {
                return maxQueued;
            }

            public Duration maxQueueWait() {
                return wait;
            }
        };
    }

    @Test
    void admitsUpToTheCapAndRefusesOneMoreWithoutCountingIt() {
        LoadShedder shedder = new LoadShedder();
        shedder.config = config(2, 0, Duration.ofSeconds(1));
        assertTrue(shedder.enter());
        assertTrue(shedder.enter());
        assertFalse(shedder.enter());
        assertFalse(shedder.enter());
        assertEquals(2, shedder.inFlight(), "a refused request holds no place");
    }

    @Test
    void oneMoreWaitsForAFreePlaceAQueueFullOrAWaitTooLongIsRefusedWith503() throws Exception {
        LoadShedder shedder = new LoadShedder();
        shedder.config = config(1, 1, Duration.ofMillis(700));
        Vertx vertx = Vertx.vertx();
        LinkedBlockingQueue<RoutingContext> served = new LinkedBlockingQueue<>();
        try {
            Router router = Router.router(vertx);
            router.route().handler(shedder::admit);
            router.route().handler(served::add);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/api/v1/me");

            CompletableFuture<HttpResponse<String>> first = call(client, uri);
            RoutingContext firstServed = served.poll(10, TimeUnit.SECONDS);
            CompletableFuture<HttpResponse<String>> second = call(client, uri);
            awaitQueued(shedder, 1);
            HttpResponse<String> third = call(client, uri).get(10, TimeUnit.SECONDS);
            assertEquals(503, third.statusCode(), "the queue is full");
            assertEquals("1", third.headers().firstValue("Retry-After").orElse(null));
            assertTrue(served.isEmpty(), "only the first is being served");

            firstServed.response().end("one");
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
            RoutingContext secondServed = served.poll(10, TimeUnit.SECONDS);
            assertEquals(0, shedder.queued(), "the waiting request went on when the place freed");
            secondServed.response().end("two");
            assertEquals("two", second.get(10, TimeUnit.SECONDS).body());

            CompletableFuture<HttpResponse<String>> fourth = call(client, uri);
            RoutingContext held = served.poll(10, TimeUnit.SECONDS);
            HttpResponse<String> fifth = call(client, uri).get(10, TimeUnit.SECONDS);
            assertEquals(503, fifth.statusCode(), "waited longer than max-queue-wait");
            assertEquals(0, shedder.queued());
            held.response().end("four");
            assertEquals(200, fourth.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(0, shedder.inFlight(), "every place is given back");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static CompletableFuture<HttpResponse<String>> call(HttpClient client, URI uri) {
        return client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitQueued(LoadShedder shedder, int n) throws InterruptedException {
        for (int i = 0; i < 500 && shedder.queued() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, shedder.queued());
    }
}
