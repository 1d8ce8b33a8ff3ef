package io.oiefilter.session;

import io.oiefilter.idx.TokenSet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactSerialFormTest {
    private static final OieAuthentication ALICE = new OieAuthentication(
            new OieUser("alice@example.com", "00u1", "Alice Liddell", "alice@example.com", List.of("Everyone", "Admins"),
                    "{\"sub\":\"00u1\",\"email\":\"alice@example.com\"}"),
            new TokenSet(null, null, "refresh-1", 3600, "openid email"), Instant.parse("2026-11-28T10:00:00Z"),
            Instant.parse("2026-11-28T11:00:00Z"));

    private static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** A compact form holding {@code plain} deflated (without the dictionary), as a tampered replica store could hand back. */
    private static byte[] forged(byte[] plain) throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        deflated.write(1);
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater())) {
            out.write(plain);
        }
        Object form = CompactSerialForm.of(ALICE);
        CompactForms.setFormBytes(form, deflated.toByteArray());
        return write(form);
    }

    @Test
    void aSessionValueComesBackEqualAndSmaller() throws Exception {
        byte[] compact = write(ALICE);
        OieAuthentication back = assertInstanceOf(OieAuthentication.class, read(compact));
        assertEquals(ALICE.user().getName(), back.user().getName());
        assertEquals(ALICE.user().getRoles(), back.user().getRoles());
        assertEquals(ALICE.tokens(), back.tokens());
        assertEquals(ALICE.tokensExpireAt(), back.tokensExpireAt());
        int plain = CompactForms.plain(ALICE).length;
        assertTrue(compact.length < plain * 3 / 4, "deflated: " + compact.length + " bytes of " + plain);
    }

    @Test
    void aSignInIsDeflatedOnceHoweverOftenTheContainerWritesIt() throws Exception {
        OieAuthentication auth = new OieAuthentication(ALICE.user(), ALICE.tokens(), ALICE.authenticatedAt(), ALICE.tokensExpireAt());
        java.lang.reflect.Field written = OieAuthentication.class.getDeclaredField("written");
        written.setAccessible(true);
        byte[] first = write(auth);
        Object form = written.get(auth);
        assertInstanceOf(CompactSerialForm.class, form);
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(write(auth)));
        assertTrue(form == written.get(auth), "the form made on the first write is the one written again");
        assertEquals(auth, read(first));
    }

    @Test
    void theSameBytesReadAgainGiveTheSameValueWithoutReadingItAgain() throws Exception {
        OieAuthentication auth = new OieAuthentication(ALICE.user(), ALICE.tokens(), ALICE.authenticatedAt(), ALICE.tokensExpireAt());
        byte[] written = write(auth);
        Object first = read(written);
        assertTrue(first != auth, "the first read is a real one: a copy");
        assertEquals(auth, first);
        assertTrue(read(written) == first, "a container reading the session on every request gets that copy again");
        byte[] other = write(new OieAuthentication(ALICE.user(), ALICE.tokens(), ALICE.authenticatedAt(), Instant.now()));
        assertTrue(read(other) != first, "other bytes, another value");
    }

    @Test
    void itReadsOnlyTheFiltersOwnClassesAndTheJdks() throws Exception {
        ArrayList<Object> foreign = new ArrayList<>(List.of(new org.opentest4j.AssertionFailedError("another library's")));
        InvalidObjectException refused = assertThrows(InvalidObjectException.class, () -> read(forged(write(foreign))));
        assertInstanceOf(InvalidClassException.class, refused.getCause(), String.valueOf(refused.getCause()));
    }

    @Test
    void aBombOrGarbageIsRefusedNotInflatedWhole() throws Exception {
        byte[] huge = new byte[10 * 1024 * 1024]; // deflates to a few kilobytes
        assertThrows(InvalidObjectException.class, () -> read(forged(huge)));
        assertThrows(InvalidObjectException.class, () -> read(forged("not a serialization stream".getBytes())));
        Object form = CompactSerialForm.of(ALICE);
        byte[] bytes = CompactForms.formBytes(form).clone();
        bytes[0] = 7;
        CompactForms.setFormBytes(form, bytes);
        assertThrows(InvalidObjectException.class, () -> read(write(form)), "a dictionary this version does not know");
    }
}
