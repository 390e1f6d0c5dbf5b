package io.mderesponse.testsupport.system;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** The parts of an email the notifier sent (multipart: text/plain and text/html), as the tests read them. */
public final class EmailParts {

    private EmailParts() {
    }

    /** The content of the part of type {@code mimeType}, e.g. {@code text/plain}; fails when there is none. */
    public static String part(MimeMessage email, String mimeType) throws Exception {
        Multipart multipart = (Multipart) email.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("The email has no " + mimeType + " part");
    }
}
