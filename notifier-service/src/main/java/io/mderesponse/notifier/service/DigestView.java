package io.mderesponse.notifier.service;

import java.util.List;

/**
 * The one email that collects, for a storm window, every email beyond {@code notifier.digest-threshold}.
 *
 * @param count how many emails it stands for
 * @param items at most {@link #MAX_ITEMS} of them, oldest first
 * @param omitted how many are not listed
 */
public record DigestView(int count, String windowStart, String windowEnd, List<Item> items, int omitted)
        implements MailView {

    /** The most items one digest lists; the rest are counted. */
    public static final int MAX_ITEMS = 500;

    /** One email that went into the digest: its subject (one line, bounded) and portal links (may be null). */
    public record Item(String subject, String alertUrl, String machineUrl) {
    }
}
