package io.oiefilter.activation;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

/** Sends activation codes over SMTP with Jakarta Mail; the text comes from the filter's resource bundle. */
public final class SmtpCodeSender implements CodeSender {
    private final Session session;
    private final InternetAddress from;

    public SmtpCodeSender(String host, int port, String fromAddress, String username, String password, boolean startTls,
                          Duration timeout) throws CodeDeliveryException {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        p.put("mail.smtp.starttls.required", String.valueOf(startTls));
        p.put("mail.smtp.auth", String.valueOf(username != null));
        Authenticator auth = username == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        };
        this.session = Session.getInstance(p, auth);
        try {
            this.from = new InternetAddress(fromAddress, true);
        } catch (MessagingException e) {
            throw new CodeDeliveryException("invalid sender address", e);
        }
    }

    @Override
    public void send(String emailAddress, String code, Locale locale) throws CodeDeliveryException {
        ResourceBundle text = ResourceBundle.getBundle("io.oiefilter.messages", locale == null ? Locale.ROOT : locale);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(emailAddress, true));
            m.setSubject(text.getString("oie.mail.activationCode.subject"), "UTF-8");
            m.setText(MessageFormat.format(text.getString("oie.mail.activationCode.body"), code), "UTF-8");
            Transport.send(m);
        } catch (MessagingException e) {
            throw new CodeDeliveryException("the mail server did not take the message: " + e.getClass().getSimpleName(), e);
        }
    }
}
