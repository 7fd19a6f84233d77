package io.firstsecretary.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A real mail server (GreenMail) for the embedded platform: it accepts every message sent to it over
 * SMTP and keeps it in memory, readable over POP3 by any mail client or {@code curl} with the
 * recipient's address as the user name and any password.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private final GreenMail server;
    private final int smtpPort;
    private final int pop3Port;

    private EmbeddedMailServer(GreenMail server, int smtpPort, int pop3Port) {
        this.server = server;
        this.smtpPort = smtpPort;
        this.pop3Port = pop3Port;
    }

    public static EmbeddedMailServer start(int smtpPort, int pop3Port) {
        var server = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(pop3Port, "127.0.0.1", ServerSetup.PROTOCOL_POP3)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return new EmbeddedMailServer(server, smtpPort, pop3Port);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int pop3Port() {
        return pop3Port;
    }

    /** Every message received so far, in the order received. */
    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    @Override
    public void close() {
        server.stop();
    }
}
