package io.progate.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Counts the SQL statements Hibernate prepares on the calling thread while {@link #count} runs. */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    /** What {@code work} returned and how many statements it sent. */
    public record Counted<T>(T result, int statements) {
    }

    public static <T> Counted<T> count(Supplier<T> work) {
        int[] count = {0};
        COUNT.set(count);
        try {
            T result = work.get();
            return new Counted<>(result, count[0]);
        } finally {
            COUNT.remove();
        }
    }

    @Override
    public String inspect(String sql) {
        int[] count = COUNT.get();
        if (count != null) {
            count[0]++;
        }
        return sql;
    }
}
