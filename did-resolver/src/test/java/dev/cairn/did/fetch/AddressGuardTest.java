package dev.cairn.did.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "100.64.0.1", "127.0.0.1", "127.255.255.254", "169.254.169.254",
      "172.16.0.1", "172.31.255.255", "192.0.0.1", "192.0.2.1", "192.168.1.1", "198.18.0.1", "198.51.100.7",
      "203.0.113.9", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::", "::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3",
      "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1",
      "2001:db8::1", "100::1"})
  void refusesAddressesThatAreNotGloballyRoutable(String literal) throws UnknownHostException {
    assertFalse(AddressGuard.isPublic(InetAddress.getByName(literal)), literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
      "2001:4860:4860::8888", "64:ff9b::808:808"})
  void acceptsPublicAddresses(String literal) throws UnknownHostException {
    assertTrue(AddressGuard.isPublic(InetAddress.getByName(literal)), literal);
  }
}
