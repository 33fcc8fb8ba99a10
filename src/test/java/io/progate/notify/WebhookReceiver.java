package io.progate.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP endpoint for webhook tests: keeps every post (headers and body) and answers with the
 * queued statuses first, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One post as received, with the status it was answered with. */
    record Post(String delivery, String signature, String event, byte[] body, int answered) {
        boolean accepted() {
            return answered / 100 == 2;
        }
    }

    private final HttpServer server;
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    final List<Post> posts = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer status = answers.poll();
            int answer = status == null ? 200 : status;
            posts.add(new Post(exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSender.EVENT_HEADER), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/T000/B000/secret-path";
    }

    void answerFirst(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    List<Post> accepted() {
        return posts.stream().filter(Post::accepted).toList();
    }

    Map<String, Long> acceptedPerDelivery() {
        return accepted().stream().collect(java.util.stream.Collectors.groupingBy(Post::delivery,
                java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
