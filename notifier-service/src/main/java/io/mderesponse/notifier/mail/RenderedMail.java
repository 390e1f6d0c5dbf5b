package io.mderesponse.notifier.mail;

/** The two parts of an email: HTML (escaped) and plain text. */
public record RenderedMail(String html, String text) {
}
