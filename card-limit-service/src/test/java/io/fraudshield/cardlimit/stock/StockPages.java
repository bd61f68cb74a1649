package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.BankClient;
import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks a paged stock-upload list to its end, checking every page but the last is full. */
final class StockPages {

    private StockPages() {
    }

    static List<Map<String, Object>> all(BankClient bank, String path, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String after = null;
        do {
            var request = bank.request().queryParam("limit", limit);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> pageItems = page.getList("items");
            after = page.getString("next");
            assertTrue(after == null || pageItems.size() == limit, "only the last page may be short");
            items.addAll(pageItems);
        } while (after != null);
        return items;
    }
}
