package io.mderesponse.notifier.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One email as GreenMail received it. GreenMail keeps one copy per recipient mailbox, so "one email" is one
 * {@code Message-ID} however many copies there are.
 */
public record ReceivedMail(MimeMessage message) {

    /** Every copy of the emails whose {@code X-MDE-Response-Event-Id} is {@code eventId}. */
    public static List<ReceivedMail> copiesFor(GreenMail greenMail, Object eventId) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> eventId.toString().equals(header(message, "X-MDE-Response-Event-Id")))
                .map(ReceivedMail::new)
                .toList();
    }

    /** How many distinct emails (Message-IDs) the copies are. */
    public static long distinctEmails(List<ReceivedMail> copies) {
        return copies.stream().map(mail -> mail.header("Message-ID")).distinct().count();
    }

    public String header(String name) {
        return header(message, name);
    }

    /** The addresses of {@code type} (CC, BCC, ...), empty when there is none. */
    public List<String> recipients(jakarta.mail.Message.RecipientType type) {
        try {
            jakarta.mail.Address[] addresses = message.getRecipients(type);
            return addresses == null ? List.of() : Arrays.stream(addresses).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of every header, in order, duplicates included. */
    public List<String> headerNames() {
        try {
            return java.util.Collections.list(message.getAllHeaders()).stream().map(jakarta.mail.Header::getName)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String subject() {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The addresses in {@code To}, as written. */
    public List<String> to() {
        try {
            return Arrays.stream(message.getRecipients(jakarta.mail.Message.RecipientType.TO))
                    .map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String from() {
        try {
            return message.getFrom()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded content of the first part of {@code contentType} ({@code text/html}, {@code text/plain}). */
    public Optional<String> part(String contentType) {
        try {
            return find(message, contentType);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> find(Part part, String contentType) throws MessagingException, IOException {
        if (part.isMimeType(contentType)) {
            return Optional.of(part.getContent().toString());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = find(child, contentType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
