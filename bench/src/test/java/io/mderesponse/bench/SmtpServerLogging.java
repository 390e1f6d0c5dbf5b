package io.mderesponse.bench;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps GreenMail's connection loggers below DEBUG in the benchmark's JVM. With DEBUG on, GreenMail wraps each SMTP
 * socket in a logging stream that writes (and reads) one byte per system call; with Nagle's algorithm every reply
 * then waits for the client's delayed ACK, about 40 ms per SMTP reply and 230 ms per email: the benchmark measured
 * its own SMTP server instead of the notifier (strace of the notifier in the 2026-12-04 quick run: "2", then
 * "50 OK" 25-45 ms later, for every reply).
 */
final class SmtpServerLogging {

    private static final String GREENMAIL = "com.icegreen.greenmail";
    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final List<Object> HELD = new ArrayList<>();

    private SmtpServerLogging() {
    }

    /** Sets GreenMail's level to INFO in whichever logging backend SLF4J found; answers what it found. */
    static String quiet() {
        System.setProperty("org.slf4j.simpleLogger.log." + GREENMAIL, "info");
        Logger jul = Logger.getLogger(GREENMAIL);
        jul.setLevel(Level.INFO);
        HELD.add(jul);
        setLevel("org.jboss.logmanager.Logger", "getLogger", Level.INFO);
        String backend = LoggerFactory.getILoggerFactory().getClass().getName();
        boolean debug = LoggerFactory.getLogger(GREENMAIL + ".smtp.SmtpConnection").isDebugEnabled();
        return backend + ", GreenMail DEBUG " + (debug ? "still ON" : "off");
    }

    private static void setLevel(String loggerClass, String factory, Level level) {
        try {
            Class<?> type = Class.forName(loggerClass);
            Method getLogger = type.getMethod(factory, String.class);
            Object logger = getLogger.invoke(null, GREENMAIL);
            type.getMethod("setLevel", Level.class).invoke(logger, level);
            HELD.add(logger);
        } catch (ReflectiveOperationException | LinkageError e) {
            // That backend is not on the class path.
        }
    }
}
