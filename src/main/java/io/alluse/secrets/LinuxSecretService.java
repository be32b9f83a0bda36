package io.alluse.secrets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet 5.97+, KeePassXC) through libsecret's
 * "simple password" calls. libsecret is part of every GNOME and most KDE desktops; without it (or
 * without a D-Bus session) the app uses the vault file instead.
 *
 * <p>Entries carry the attributes {@code service} and {@code account} (and our schema name), so
 * {@code secret-tool lookup service S account A} finds them, and we find what it stores.
 */
final class LinuxSecretService implements Keychain {

    static final String LIBRARY = "libsecret-1.so.0";
    static final String SCHEMA_NAME = "io.alluse.Workstation.Credential";
    /**
     * SECRET_SCHEMA_DONT_MATCH_NAME: the schema name is stored (as xdg:schema) but not required on
     * lookup, so that an entry a user stores with {@code secret-tool store service S account A} is found.
     */
    private static final int SECRET_SCHEMA_DONT_MATCH_NAME = 1 << 1;
    private static final int SECRET_SCHEMA_ATTRIBUTE_STRING = 0;
    /** A looked-up secret longer than this is not one of ours (guards the scan for its end). */
    private static final int MAX_SECRET_BYTES = 64 * 1024;

    // libsecret/secret-schema.h: { name; flags; SecretSchemaAttribute attributes[32]; reserved; reserved1..7 }
    private static final StructLayout ATTRIBUTE = MemoryLayout.structLayout(
            ADDRESS.withName("name"), JAVA_INT.withName("type"), MemoryLayout.paddingLayout(4));
    static final StructLayout SCHEMA = MemoryLayout.structLayout(
            ADDRESS.withName("name"), JAVA_INT.withName("flags"), MemoryLayout.paddingLayout(4),
            MemoryLayout.sequenceLayout(32, ATTRIBUTE).withName("attributes"),
            JAVA_INT.withName("reserved"), MemoryLayout.paddingLayout(4),
            MemoryLayout.sequenceLayout(7, ADDRESS).withName("reserved_pointers"));
    // glib/gerror.h: { GQuark domain; gint code; gchar *message; }
    private static final long ERROR_MESSAGE_OFFSET = 8;

    private final MemorySegment schema;
    private final MethodHandle store;
    private final MethodHandle lookup;
    private final MethodHandle clear;
    private final MethodHandle passwordFree;
    private final MethodHandle errorFree;

    private LinuxSecretService(SymbolLookup secret, SymbolLookup glib) {
        Linker linker = Linker.nativeLinker();
        // the attribute pairs (service, S, account, A, NULL) are C varargs after the GError**
        store = linker.downcallHandle(secret.findOrThrow("secret_password_store_sync"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                        ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS), Linker.Option.firstVariadicArg(6));
        lookup = linker.downcallHandle(secret.findOrThrow("secret_password_lookup_sync"),
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS),
                Linker.Option.firstVariadicArg(3));
        clear = linker.downcallHandle(secret.findOrThrow("secret_password_clear_sync"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS),
                Linker.Option.firstVariadicArg(3));
        // wipes the secret's memory before freeing it
        passwordFree = linker.downcallHandle(secret.findOrThrow("secret_password_free"), FunctionDescriptor.ofVoid(ADDRESS));
        errorFree = linker.downcallHandle(glib.findOrThrow("g_error_free"), FunctionDescriptor.ofVoid(ADDRESS));

        Arena forever = Arena.global();
        schema = forever.allocate(SCHEMA);
        schema.set(ADDRESS, SCHEMA.byteOffset(PathElement.groupElement("name")), forever.allocateFrom(SCHEMA_NAME));
        schema.set(JAVA_INT, SCHEMA.byteOffset(PathElement.groupElement("flags")), SECRET_SCHEMA_DONT_MATCH_NAME);
        String[] attributes = {"service", "account"};
        for (int i = 0; i < attributes.length; i++) {
            schema.set(ADDRESS, SCHEMA.byteOffset(PathElement.groupElement("attributes"), PathElement.sequenceElement(i),
                    PathElement.groupElement("name")), forever.allocateFrom(attributes[i]));
            schema.set(JAVA_INT, SCHEMA.byteOffset(PathElement.groupElement("attributes"), PathElement.sequenceElement(i),
                    PathElement.groupElement("type")), SECRET_SCHEMA_ATTRIBUTE_STRING);
        }
        // attributes[2].name stays NULL: the end of the list
    }

    /** libsecret if this system has it; whether a Secret Service answers is for the probe to find out. */
    static Optional<LinuxSecretService> load() {
        try {
            SymbolLookup secret = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
            SymbolLookup glib = SymbolLookup.libraryLookup("libglib-2.0.so.0", Arena.global());
            return Optional.of(new LinuxSecretService(secret, glib));
        } catch (IllegalArgumentException | java.util.NoSuchElementException | IllegalCallerException e) {
            // no such library, or native access denied (--illegal-native-access=deny): the vault file it is
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "Secret Service (GNOME Keyring or compatible)";
    }

    @Override
    public void store(String service, String account, byte[] secret) {
        for (byte b : secret) {
            if (b == 0) {
                // the service keeps C strings: the rest would be lost without a word
                throw failure("store", account, "the value contains a zero byte, and the Secret Service keeps text only");
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment password = arena.allocate(secret.length + 1L);
            MemorySegment.copy(secret, 0, password, JAVA_BYTE, 0, secret.length);
            MemorySegment error = arena.allocate(ADDRESS);
            try {
                int ok = (int) store.invokeExact(schema, MemorySegment.NULL, arena.allocateFrom("ALL-USE Workstation: " + account),
                        password, MemorySegment.NULL, error,
                        arena.allocateFrom("service"), arena.allocateFrom(service), arena.allocateFrom("account"),
                        arena.allocateFrom(account), MemorySegment.NULL);
                check(error, "store", account);
                if (ok == 0) {
                    throw failure("store", account, "it refused without saying why");
                }
            } finally {
                password.fill((byte) 0);
            }
        } catch (VaultException e) {
            throw e;
        } catch (Throwable t) {
            throw failure("store", account, t.toString());
        }
    }

    @Override
    public Optional<byte[]> read(String service, String account) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = arena.allocate(ADDRESS);
            MemorySegment found = (MemorySegment) lookup.invokeExact(schema, MemorySegment.NULL, error,
                    arena.allocateFrom("service"), arena.allocateFrom(service), arena.allocateFrom("account"),
                    arena.allocateFrom(account), MemorySegment.NULL);
            check(error, "read", account);
            if (found.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            try {
                MemorySegment text = found.reinterpret(MAX_SECRET_BYTES);
                long end = 0;
                while (end < MAX_SECRET_BYTES && text.get(JAVA_BYTE, end) != 0) {
                    end++;
                }
                return Optional.of(text.asSlice(0, end).toArray(JAVA_BYTE));
            } finally {
                passwordFree.invokeExact(found);
            }
        } catch (VaultException e) {
            throw e;
        } catch (Throwable t) {
            throw failure("read", account, t.toString());
        }
    }

    @Override
    public void delete(String service, String account) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = arena.allocate(ADDRESS);
            // FALSE with no error means there was nothing to remove
            int ignored = (int) clear.invokeExact(schema, MemorySegment.NULL, error,
                    arena.allocateFrom("service"), arena.allocateFrom(service), arena.allocateFrom("account"),
                    arena.allocateFrom(account), MemorySegment.NULL);
            check(error, "remove", account);
        } catch (VaultException e) {
            throw e;
        } catch (Throwable t) {
            throw failure("remove", account, t.toString());
        }
    }

    /** Turns a set GError into an exception with its message (libsecret's messages name no secret), freeing it. */
    private void check(MemorySegment errorRef, String what, String account) throws Throwable {
        MemorySegment error = errorRef.get(ADDRESS, 0);
        if (error.equals(MemorySegment.NULL)) {
            return;
        }
        MemorySegment message = error.reinterpret(ERROR_MESSAGE_OFFSET + ADDRESS.byteSize()).get(ADDRESS, ERROR_MESSAGE_OFFSET);
        String text = message.equals(MemorySegment.NULL) ? "no message" : message.reinterpret(4096).getString(0);
        errorFree.invokeExact(error);
        throw failure(what, account, text);
    }

    private VaultException failure(String what, String account, String why) {
        return new VaultException(VaultException.Kind.KEYCHAIN, "The Secret Service could not " + what + " '" + account + "': " + why);
    }

    @Override
    public String toString() {
        return "LinuxSecretService[" + LIBRARY + "]";
    }
}
