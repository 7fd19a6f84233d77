package io.firstsecretary.notification.mail;

import io.firstsecretary.notification.delivery.ChannelSender;
import io.firstsecretary.notification.delivery.Delivery;
import io.firstsecretary.notification.directory.Directory;
import io.firstsecretary.notification.message.Messages;
import io.firstsecretary.notification.preference.Channel;
import io.firstsecretary.notification.reminder.Reminder;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code spring.mail.*}): the reminder as HTML with a plain-text alternative. The
 * Message-ID derives from the delivery, so a message resent after a crash is recognisably the same.
 */
@Component
class MailChannel implements ChannelSender {

    private final JavaMailSenderImpl mail;
    private final Messages messages;
    private final Directory directory;
    private final String from;

    MailChannel(
            JavaMailSenderImpl mail,
            Messages messages,
            Directory directory,
            @Value("${firstsec.notification.mail.from:第一书记工作平台 <firstsec@localhost>}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.directory = directory;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Outcome send(Delivery delivery, Reminder reminder) {
        var person = directory.person(reminder.bureau(), reminder.recipient());
        if (person.isEmpty()) {
            return Outcome.retry("RECIPIENT_NOT_YET_IN_DIRECTORY");
        }
        if (person.get().email() == null || person.get().email().isBlank()) {
            return Outcome.failed("NO_EMAIL_ADDRESS");
        }
        var message = messages.compose(reminder);
        try {
            var mime = new IdentifiedMessage(mail.getSession(), "<" + delivery.id() + "@firstsec>");
            var helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(person.get().email());
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            mail.send(mime);
            return Outcome.sent();
        } catch (MessagingException e) {
            return Outcome.failed("BAD_MESSAGE: " + e.getMessage());
        } catch (MailException e) {
            if (e.getMostSpecificCause() instanceof SendFailedException refused
                    && refused.getValidSentAddresses() == null
                    && refused.getValidUnsentAddresses() == null) {
                return Outcome.failed("ADDRESS_REFUSED: " + refused.getMessage());
            }
            return Outcome.retry("SMTP: " + e.getMostSpecificCause().getMessage());
        }
    }

    /** A message whose Message-ID is ours rather than one made up on sending. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
