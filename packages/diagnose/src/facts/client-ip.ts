import { Validator } from 'ip-num';
import { parseAddress } from '../network/parse-address';
import { trimEndChars } from '../rule-kit/trim-end';

// "Client address: 40.82.190.38", the docs' "Client address (1.2.3.4) is not authorized", and the
// x-ms-keyvault-network-info header ("conn_type=Ipv4;addr=167.220.255.73;") that SDK debug logs show.
const CLIENT_ADDRESS = /Client address(?: is not authorized)?\s{0,4}[:(]\s{0,4}\[?([0-9A-Fa-f:.]{2,45})/;
const NETWORK_INFO = /\baddr=([0-9A-Fa-f:.]{2,45});/;

function valid(candidate: string | undefined): string | undefined {
  if (candidate === undefined) return undefined;
  const ip = trimEndChars(candidate, '.:');
  if (Validator.isValidIPv4String(ip)[0]) {
    const parts = ip.split('.').map(Number);
    // Docs and tickets write 0.0.0.0 / 00.00.00.00 as a placeholder.
    if (parts.every((p) => p === 0)) return undefined;
    return parts.join('.');
  }
  if (!Validator.isValidIPv6String(ip)[0]) return undefined;
  // A dual-stack front end logs an IPv4 caller as ::ffff:a.b.c.d; Key Vault's IP rules take only the
  // IPv4 address, so that is the fact every fix is built from.
  const address = parseAddress(ip);
  if (address?.version === 4) return address.value === 0 ? undefined : address.text;
  return ip.toLowerCase();
}

/** The refused client address, if the text states a real one (masked `xx.xx.xx.xx` is not a fact). */
export function extractClientIp(text: string): string | undefined {
  return valid(CLIENT_ADDRESS.exec(text)?.[1]) ?? valid(NETWORK_INFO.exec(text)?.[1]);
}
