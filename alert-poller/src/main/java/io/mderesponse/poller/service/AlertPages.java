package io.mderesponse.poller.service;

import io.mderesponse.defender.client.query.AlertQuery;
import java.util.List;

/** Fetches one page of {@code GET /api/alerts}; throws when the page cannot be had (the poll then fails). */
@FunctionalInterface
public interface AlertPages {

    List<PageEntry> fetch(AlertQuery query);
}
