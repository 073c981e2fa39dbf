package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DicomRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DicomRoutes.StoreRequest parse(String body) {
        return DicomRoutes.StoreRequest.parse(body, JSON);
    }

    @Test
    void storeBodyTakesOrthancsThreeForms() {
        assertThat(parse(" abc-123 \n").resources()).containsExactly("abc-123");
        assertThat(parse("\"abc\"").resources()).containsExactly("abc");
        assertThat(parse("[\"a\", \"b\"]").resources()).containsExactly("a", "b");
        DicomRoutes.StoreRequest object = parse("{\"Resources\": [\"a\"], \"Synchronous\": true, \"Permissive\": true}");
        assertThat(object).isEqualTo(new DicomRoutes.StoreRequest(List.of("a"), true));
    }

    @Test
    void synchronousFalseOrAsynchronousTrueMakesAJobWithItsPriority() {
        assertThat(parse("{\"Resources\": [\"a\"], \"Synchronous\": false}"))
                .isEqualTo(new DicomRoutes.StoreRequest(List.of("a"), false, true, 0));
        assertThat(parse("{\"Resources\": [\"a\"], \"Asynchronous\": true, \"Priority\": 7, \"Permissive\": true}"))
                .isEqualTo(new DicomRoutes.StoreRequest(List.of("a"), true, true, 7));
        assertThat(parse("{\"Resources\": [\"a\"], \"Asynchronous\": false}").asynchronous()).isFalse();
    }

    @Test
    void emptyOrMalformedBodiesAreBadRequests() {
        for (String body : List.of("", "[]", "[1]", "{\"Resources\": \"a\"}", "{\"Other\": 1}",
                "{\"Resources\": [\"a\"], \"Synchronous\": \"no\"}", "{\"Resources\": [\"a\"], \"Priority\": \"high\"}",
                "{\"Resources\": [\"a\"], \"Priority\": 1.5}")) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOfSatisfying(RestException.class,
                    e -> assertThat(e.error()).isEqualTo(OrthancError.BAD_REQUEST));
        }
    }
}
