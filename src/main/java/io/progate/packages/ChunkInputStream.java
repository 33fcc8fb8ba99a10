package io.progate.packages;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads a stored package one chunk (one short query) at a time. */
final class ChunkInputStream extends InputStream {

    private final DataSource dataSource;
    private final long packageId;
    private int nextSeq;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean finished;

    ChunkInputStream(DataSource dataSource, long packageId) {
        this.dataSource = dataSource;
        this.packageId = packageId;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return chunk[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (position >= chunk.length) {
            if (finished) {
                return false;
            }
            byte[] next = fetch(nextSeq++);
            if (next == null) {
                finished = true;
                chunk = new byte[0];
                return false;
            }
            chunk = next;
            position = 0;
        }
        return true;
    }

    private byte[] fetch(int seq) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select data from request_package_chunk where package_id = ? and seq = ?")) {
            query.setLong(1, packageId);
            query.setInt(2, seq);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("could not read chunk " + seq + " of package " + packageId, e);
        }
    }
}
