package io.oiefilter.session;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.zip.Inflater;

/** For tests that look inside a session value: the plain serialization its {@link CompactSerialForm} holds. */
public final class CompactForms {
    private CompactForms() {
    }

    /** The compact form's bytes: its dictionary's version, then the deflated stream. */
    static byte[] formBytes(Object form) throws ReflectiveOperationException {
        Field f = CompactSerialForm.class.getDeclaredField("deflated");
        f.setAccessible(true);
        return (byte[]) f.get(form);
    }

    static void setFormBytes(Object form, byte[] bytes) throws ReflectiveOperationException {
        Field f = CompactSerialForm.class.getDeclaredField("deflated");
        f.setAccessible(true);
        f.set(form, bytes);
    }

    public static byte[] plain(Serializable value) throws Exception {
        byte[] form = formBytes(CompactSerialForm.of(value));
        byte[] dictionary;
        try (InputStream in = CompactSerialForm.class.getResourceAsStream("compact-dictionary-1.bin")) {
            dictionary = in.readAllBytes();
        }
        Inflater inflater = new Inflater();
        inflater.setInput(form, 1, form.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsDictionary()) {
                inflater.setDictionary(dictionary);
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
