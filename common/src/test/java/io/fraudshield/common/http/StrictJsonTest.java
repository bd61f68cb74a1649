package io.fraudshield.common.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.common.problem.ControlCharacterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private final ObjectMapper json = strict();

    @ParameterizedTest
    @ValueSource(strings = {"k\\u202e", "k\\u200b", "k\\u0000", "k\\ud800"})
    void mapKeysObeyTheTextPolicy(String key) {
        JsonMappingException refused = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"" + key + "\":\"v\"}", MAP));
        assertInstanceOf(ControlCharacterException.class, rootCause(refused));
    }

    @Test
    void chineseNamesRareCharactersAndEmojiAreText() throws Exception {
        String text = "王\uD840\uDC0B 龘 \uE000 😀 tab\there";
        assertEquals(text, json.readValue(json.writeValueAsString(Map.of("name", text)), MAP).get("name"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
