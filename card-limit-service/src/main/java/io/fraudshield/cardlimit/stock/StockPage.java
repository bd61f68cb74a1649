package io.fraudshield.cardlimit.stock;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One page of a list that may be long (rejections, work-list, missing cards): {@code next} is the cursor of the
 * following page ({@code ?after=}), absent on the last page. Nothing is cut silently.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockPage<T>(List<T> items, String next) {
}
