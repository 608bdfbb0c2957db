package se.molnkoll.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who a sign-in comes from, as the lockout counts them. */
final class Clients {

    private Clients() {
    }

    /**
     * The client an address stands for: an IPv4 address itself, an IPv6 address its /64 network, which
     * one holder usually has whole (counting each of its addresses would let it try 2^64 times).
     */
    static String of(String address) {
        if (address == null || address.isEmpty()) return "-";
        if (address.indexOf(':') < 0) return address;
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) return address;
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address; // not an address literal; InetAddress never looks a literal up
        }
    }
}
