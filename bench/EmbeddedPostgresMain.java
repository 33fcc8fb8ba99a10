import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * For bench/two-replicas.sh on a machine without a PostgreSQL at 127.0.0.1:5432: starts the
 * embedded PostgreSQL the project already ships (zonky) on the given port and data folder, prints
 * "ready" and runs until killed. Args: dataDir port
 */
public class EmbeddedPostgresMain {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(true).setPort(Integer.parseInt(args[1])).start();
        System.out.println("ready " + postgres.getJdbcUrl("postgres", "postgres"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                // going down anyway
            }
        }));
        Thread.currentThread().join();
    }
}
