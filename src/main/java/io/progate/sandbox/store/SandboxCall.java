package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/** One call the sandbox received: never the key, at most its name. */
@Entity
@Table(name = "sandbox_call")
public class SandboxCall extends BaseEntity {

    @Column(nullable = false)
    public String method;

    /** The path below the sandbox's account URL, such as {@code /pro-api/v2/applications}. */
    @Column(nullable = false)
    public String path;

    /** The status answered; 0 when the connection was dropped on purpose. */
    @Column(nullable = false)
    public int status;

    @Column(name = "key_name")
    public String keyName;

    @Column(name = "content_type")
    public String contentType;

    /** What the sandbox noted about the call, such as the parts of a publish. */
    public String detail;

    public static List<SandboxCall> latest(int limit) {
        return find("order by createdAt desc, id desc").page(0, limit).list();
    }

    public static List<SandboxCall> since(long afterId) {
        return list("id > ?1 order by id", afterId);
    }

    public static long lastId() {
        Long max = getEntityManager().createQuery("select max(c.id) from SandboxCall c", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }
}
