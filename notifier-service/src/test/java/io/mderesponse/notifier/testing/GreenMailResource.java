package io.mderesponse.notifier.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: a real SMTP server (GreenMail) on a free port of the loopback interface, and the mailer
 * pointed at it. Tests get the server through a field annotated {@link InjectGreenMail}.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        int port = greenMail.getSmtp().getPort();
        if (port <= 0) {
            throw new IllegalStateException("GreenMail did not report the port it listens on");
        }
        return Map.of("quarkus.mailer.host", HOST, "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail,
                new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
