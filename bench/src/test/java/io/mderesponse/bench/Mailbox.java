package io.mderesponse.bench;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When GreenMail received the first email naming each alert (ids found in the decoded subject and body). */
final class Mailbox {

    /** Alert ids as {@code TestIds.alertId()} makes them. */
    private static final Pattern ALERT_ID = Pattern.compile("da\\d{18}_-?\\d+");

    private Mailbox() {
    }

    static Map<String, Instant> firstEmailPerAlert(GreenMail mail) {
        Map<String, Instant> first = new HashMap<>();
        for (StoredMessage message : mail.getManagers().getImapHostManager().getAllMessages()) {
            Instant received = message.getReceivedDate().toInstant();
            Matcher ids = ALERT_ID.matcher(text(message));
            while (ids.find()) {
                first.merge(ids.group(), received, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return first;
    }

    /** Count of every email received. */
    static int count(GreenMail mail) {
        return mail.getManagers().getImapHostManager().getAllMessages().size();
    }

    private static String text(StoredMessage message) {
        try {
            return message.getMimeMessage().getSubject() + "\n" + text(message.getMimeMessage());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable email", e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart) {
            Multipart multipart = (Multipart) content;
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                text.append(text(body)).append('\n');
            }
            return text.toString();
        }
        return content instanceof String ? (String) content : "";
    }
}
