package io.progate.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.progate.common.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Streams filtered events as CSV (a header line, then one row per event, details as a JSON
 * string, text cells neutralised for spreadsheets) or JSON Lines (one event object per line, raw). Rows are read in keyset batches and written
 * as they come, so memory stays flat however many events match.
 */
@ApplicationScoped
public class AuditExport {

    /** The export formats and their media types. */
    public enum Format {
        CSV("text/csv; charset=UTF-8"), JSONL("application/x-ndjson");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String fileName() {
            return "audit." + name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String raw) {
            try {
                return valueOf(raw == null ? "CSV" : raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("format", "csv or jsonl");
            }
        }
    }

    static final String[] COLUMNS = { "id", "occurredAt", "actor", "sourceIp", "teamId", "team", "action",
        "targetType", "targetId", "outcome", "details", "prevHash", "hash" };
    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    AuditSearch search;

    @Inject
    ObjectMapper json;

    public StreamingOutput stream(AuditFilter filter, Format format) {
        return out -> {
            OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            try {
                if (format == Format.CSV) {
                    writeCsv(filter, buffered);
                } else {
                    writeJsonLines(filter, buffered);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            buffered.flush();
        };
    }

    private void writeCsv(AuditFilter filter, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        Arrays.stream(COLUMNS).forEach(schema::addColumn);
        try (SequenceWriter writer = CSV.writer(schema.build())
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            search.forEach(filter, e -> {
                try {
                    writer.write(Arrays.asList(e.id(), e.occurredAt().toString(), cell(e.actor()), cell(e.sourceIp()),
                            e.teamId(), cell(e.team()), cell(e.action()), cell(e.targetType()), cell(e.targetId()),
                            e.outcome().name(), cell(e.details()), e.prevHash(), e.hash()));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        }
    }

    /**
     * A text cell a spreadsheet will not run as a formula: one that starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return gets a leading single quote (OWASP's advice for
     * CSV injection). The JSON Lines export stays raw.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private void writeJsonLines(AuditFilter filter, OutputStream out) {
        ObjectWriter writer = json.writerFor(AuditEntry.class);
        search.forEach(filter, e -> {
            try {
                out.write(writer.writeValueAsBytes(e));
                out.write('\n');
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
    }
}
