import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Driver of bench/two-replicas.sh: two packaged replicas (A and B) on one PostgreSQL, PRO = the
 * sandbox of replica B. Part 1: 200 concurrent approve calls on one request, spread over both
 * replicas (20 approvers x 10 calls, policy asks for 2 approvals). Part 2: 30 publishes with PRO
 * answering slowly, replica A killed with SIGKILL while they are in flight, then restarted. Prints
 * the figures as lines "figure: name = value" (and a floor and ratio for each part).
 *
 * Args: urlA urlB jdbcUrl dbUser adminPassword killScript restartScript
 */
public class TwoReplicas {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(64, task -> {
                Thread thread = new Thread(task);
                thread.setDaemon(true);
                return thread;
            })).build();
    static final String KEY = "bench-sandbox-key-00000000000000000000";
    static String a;
    static String b;
    static String jdbc;
    static String dbUser;
    static String admin;
    static final Map<String, Object> FIGURES = new TreeMap<>();

    public static void main(String[] args) {
        try {
            bench(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void bench(String[] args) throws Exception {
        a = args[0];
        b = args[1];
        jdbc = args[2];
        dbUser = args[3];
        admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[4]).getBytes(StandardCharsets.UTF_8));
        String kill = args[5];
        String restart = args[6];
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String pro = b + "/sandbox";
        check(send(a, "POST", "/api/v1/teams", admin, "{\"slug\":\"" + slug + "\",\"name\":\"Bench\",\"proUrl\":\"" + pro + "\"}"), 201);
        String author = person(slug, "author", "MEMBER");
        List<String> approvers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            approvers.add(person(slug, "approver" + i, "APPROVER"));
        }
        check(send(a, "POST", "/api/v1/teams/" + slug + "/credentials", admin, "{\"label\":\"sandbox\",\"key\":\"" + KEY
                + "\",\"scopes\":[\"PublishApp\",\"Authentication\"],\"expiresAt\":\"" + LocalDate.now().plusDays(90)
                + "\",\"saveUnverified\":true}"), 201);
        check(send(a, "PUT", "/api/v1/teams/" + slug + "/policy", admin, "{\"requiredApprovals\":2}"), 200);

        // ---- part 1: 200 concurrent approvals of one request over both replicas ------------------------
        String app1 = "Storm" + slug.substring(6);
        long storm = publish(slug, author, app1, "1.0");
        long floorMs = concurrently(200, i -> send(i % 2 == 0 ? a : b, "GET", "/api/v1/requests/" + storm,
                approvers.get(i % 20), null).statusCode());
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        long stormMs = concurrently(200, i -> {
            int status = send(i % 2 == 0 ? a : b, "POST", "/api/v1/requests/" + storm + "/approve",
                    approvers.get(i % 20), "{\"comment\":\"ok\"}").statusCode();
            answers.merge(status, 1, Integer::sum);
            return status;
        });
        String done = awaitFinal(List.of(storm), Duration.ofSeconds(60)).get(storm);
        FIGURES.put("1 approve calls", 200);
        FIGURES.put("1 answers by status", new TreeMap<>(answers));
        FIGURES.put("1 wall ms, 200 approvals", stormMs);
        FIGURES.put("1 floor ms, 200 reads of the request (same auth, same replicas)", floorMs);
        FIGURES.put("1 ratio approvals / floor", String.format("%.2f", (double) stormMs / Math.max(1, floorMs)));
        FIGURES.put("1 final status", done);
        try (Connection db = DriverManager.getConnection(jdbc, dbUser, "")) {
            FIGURES.put("1 approval rows", one(db, "select count(*) from request_approval where request_id = " + storm));
            FIGURES.put("1 distinct approvers counted", one(db, "select count(distinct approver_id) from request_approval"
                    + " where request_id = " + storm));
            FIGURES.put("1 PRO publishes (sandbox call record, 2xx)", publishes(db, app1));
        }

        if (Boolean.getBoolean("bench.stormOnly")) {
            FIGURES.forEach((k, v) -> System.out.println("figure: " + k.substring(2) + " = " + v));
            return;
        }
        // ---- part 2: 30 publishes in flight on A, PRO slow, A killed and restarted -----------------------
        check(send(a, "PUT", "/api/v1/teams/" + slug + "/policy", admin, "{\"requiredApprovals\":1}"), 200);
        long floor2 = thirtySlow(slug, author, approvers, "Floor", null, null);
        long killed = thirtySlow(slug, author, approvers, "Kill", kill, restart);
        FIGURES.put("2 floor s, 30 slow publishes without a kill", String.format("%.1f", floor2 / 1000.0));
        FIGURES.put("2 wall s, 30 slow publishes with SIGKILL and restart of A", String.format("%.1f", killed / 1000.0));
        FIGURES.put("2 ratio kill / floor", String.format("%.2f", (double) killed / Math.max(1, floor2)));
        FIGURES.forEach((k, v) -> System.out.println("figure: " + k.substring(2) + " = " + v));
    }

    /** 30 publishes approved through A with every publish hanging 6 s at PRO; optionally A is killed mid-flight. */
    static long thirtySlow(String slug, String author, List<String> approvers, String prefix, String kill, String restart)
            throws Exception {
        String tag = prefix + slug.substring(6);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(publish(slug, author, tag + i, "1.0"));
        }
        check(send(b, "POST", "/sandbox/_faults", admin, "{\"method\":\"POST\",\"pathPart\":\"/pro-api/v2/applications\","
                + "\"times\":30,\"kind\":\"HANG\",\"hangMillis\":6000}"), 201);
        long mark;
        try (Connection db = DriverManager.getConnection(jdbc, dbUser, "")) {
            mark = one(db, "select coalesce(max(id), 0) from sandbox_call");
        }
        long start = System.nanoTime();
        concurrently(30, i -> send(a, "POST", "/api/v1/requests/" + ids.get(i) + "/approve", approvers.get(i % 20),
                "{\"comment\":\"ship\"}").statusCode());
        String p = kill == null ? "2 floor " : "2 ";
        try (Connection db = DriverManager.getConnection(jdbc, dbUser, "")) {
            String in = ids.toString().replace('[', '(').replace(']', ')');
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long open = 0;
            while (System.nanoTime() < deadline) {
                open = one(db, "select count(*) from execution_attempt where outcome is null and request_id in " + in);
                if (open >= 30) {
                    break;
                }
                Thread.sleep(100);
            }
            if (kill != null) {
                FIGURES.put(p + "publishes in flight at the kill (attempts without outcome)", open);
                FIGURES.put(p + "of them held by replica A", one(db, "select count(*) from execution_job where worker_id"
                        + " = 'replica-a' and request_id in " + in));
                run(kill);
                FIGURES.put(p + "A killed after ms", (System.nanoTime() - start) / 1_000_000);
                run(restart);
            }
            Map<Long, String> end = awaitFinal(ids, Duration.ofSeconds(180));
            long wall = (System.nanoTime() - start) / 1_000_000;
            Map<String, Integer> byStatus = new TreeMap<>();
            end.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
            FIGURES.put(p + "final statuses", byStatus);
            FIGURES.put(p + "requests stuck (not final)", end.values().stream().filter(s -> !s.equals("SUCCEEDED")
                    && !s.equals("FAILED")).count());
            FIGURES.put(p + "versions stored twice (sandbox apps per name+version > 1)", one(db,
                    "select count(*) from (select name, project_version from sandbox_app where name like '" + tag
                            + "%' group by 1, 2 having count(*) > 1) x"));
            FIGURES.put(p + "publishes sent to PRO (POST calls in the sandbox call record)", one(db,
                    "select count(*) from sandbox_call where id > " + mark + " and method = 'POST'"
                            + " and path = '/pro-api/v2/applications'"));
            FIGURES.put(p + "versions PRO holds", one(db, "select count(*) from sandbox_app where name like '" + tag + "%'"));
            FIGURES.put(p + "requests FAILED while PRO holds their version", one(db, "select count(*) from release_request r"
                    + " where r.id in " + in + " and r.status = 'FAILED' and exists (select 1 from sandbox_app s where"
                    + " s.name = r.app_name and s.project_version = r.app_version)"));
            FIGURES.put(p + "attempts reconciled by asking PRO", one(db, "select count(*) from execution_attempt where"
                    + " outcome = 'RECONCILED' and request_id in " + in));
            FIGURES.put(p + "attempts found lost and sent again", one(db, "select count(*) from execution_attempt where"
                    + " outcome = 'LOST' and request_id in " + in));
            return wall;
        }
    }

    static String person(String slug, String name, String role) throws Exception {
        String username = name + "-" + slug.substring(6);
        String password = "pw-" + UUID.randomUUID();
        check(send(a, "POST", "/api/v1/users", admin, "{\"username\":\"" + username + "\",\"displayName\":\"" + name
                + "\",\"email\":\"" + username + "@example.com\",\"password\":\"" + password + "\",\"admin\":false}"), 201);
        check(send(a, "PUT", "/api/v1/teams/" + slug + "/members/" + username, admin, "{\"role\":\"" + role + "\"}"), 200);
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(a, "POST", "/api/v1/me/tokens", basic, "{\"name\":\"bench\"}");
        check(token, 201);
        String value = token.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return "Bearer " + value;
    }

    static long publish(String slug, String author, String name, String version) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        String json = "{\"type\":\"PUBLISH\",\"reason\":\"bench\",\"metadata\":{\"name\":\"" + name + "\",\"projectVersion\":\""
                + version + "\",\"aimmsVersionId\":\"24.6.2.9-linux64-x86-vc143\",\"projectCategory\":\"other\","
                + "\"description\":\"bench\",\"attributes\":{\"isWebUI\":\"false\"},\"publishBehavior\":0}}";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n"
                + json + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + ".aimmspack\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zip(name));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(a + "/api/v1/teams/" + slug + "/requests"))
                .header("Authorization", author).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        check(answer, 201);
        return Long.parseLong(answer.body().replaceAll("^\\{\"id\":(\\d+).*", "$1").trim());
    }

    static byte[] zip(String marker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("Project.aimms"));
            zip.write(("project " + marker).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static Map<Long, String> awaitFinal(List<Long> ids, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<Long, String> status = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(jdbc, dbUser, "")) {
            while (true) {
                status.clear();
                try (Statement q = db.createStatement(); ResultSet rows = q.executeQuery("select id, status from"
                        + " release_request where id in " + ids.toString().replace('[', '(').replace(']', ')'))) {
                    while (rows.next()) {
                        status.put(rows.getLong(1), rows.getString(2));
                    }
                }
                boolean allFinal = status.values().stream().allMatch(s -> s.equals("SUCCEEDED") || s.equals("FAILED")
                        || s.equals("CLOSED"));
                if (allFinal || System.nanoTime() > deadline) {
                    return status;
                }
                Thread.sleep(200);
            }
        }
    }

    interface Call {
        int run(int i) throws Exception;
    }

    /** Runs n calls at once (all released together) and answers the wall time in ms. */
    static long concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.run(index);
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<Integer> f : futures) {
                f.get();
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            pool.shutdownNow();
        }
    }

    static HttpResponse<String> send(String base, String method, String path, String auth, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long one(Connection db, String sql) throws Exception {
        try (Statement q = db.createStatement(); ResultSet rows = q.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long publishes(Connection db, String app) throws Exception {
        return one(db, "select count(*) from sandbox_call where method = 'POST' and path = '/pro-api/v2/applications'"
                + " and status between 200 and 299 and detail like '%file (" + app + ".aimmspack%'");
    }

    static void run(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + script);
        }
    }

    static void check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
