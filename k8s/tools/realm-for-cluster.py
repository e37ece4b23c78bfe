#!/usr/bin/env python3
"""The realm for a cluster, made from identity/healthcheck-realm.json (the demo realm).

    python3 k8s/tools/realm-for-cluster.py [--portal-url https://healthcheck.example.gov.uk] \
        [identity/healthcheck-realm.json] [k8s/base/keycloak/generated/healthcheck-realm-import.json]

It writes the realm as the `spec.realm` of a kustomize patch of the KeycloakRealmImport `healthcheck`
(k8s/base/keycloak/realm-import.yaml), so that `kubectl kustomize` puts it into the import: kustomize cannot read
an object field from a plain file, and JSON is YAML, so the patch is the realm with four lines around it.

What it does, and nothing else:
  * drops every person (`users` without `serviceAccountClientId`): the demo users and their well-known passwords;
  * keeps the service-account users, which hold no credential but carry the service accounts' role mappings
    (service-account-portal holds `survey-relay` only; without it the portal's token would get the default roles);
  * removes every client's `secret`: Keycloak generates one on import for each confidential client, and the
    operator reads it from Keycloak into the cluster's Secrets (k8s/README.md, "Secrets");
  * drops the demo council client (`council-E10000031`, named "(DEMO)") and its service account: real councils'
    clients are made per council (deploy/platform add-council-client); --keep-demo-clients keeps it;
  * sets the display name (the demo realm's says "DEMO realm") and drops "DEMO ONLY" from client descriptions;
  * points the portal client's base URL, redirect URIs and post-logout redirect URIs at --portal-url;
  * keeps roles, clients, protocol mappers, the user profile and every realm setting unchanged.
It fails if a secret, a credential or a person is left, so the output can never carry a demo password.
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def for_cluster(realm: dict, portal_url: str, keep_demo_clients: bool = False) -> dict:
    realm = json.loads(json.dumps(realm))  # a deep copy
    if not keep_demo_clients:
        demo = {c["clientId"] for c in realm.get("clients", []) if "(DEMO)" in c.get("name", "")}
        realm["clients"] = [c for c in realm.get("clients", []) if c["clientId"] not in demo]
        realm["users"] = [u for u in realm.get("users", []) if u.get("serviceAccountClientId") not in demo]
    realm["displayName"] = "Social Work Health Check"
    realm["users"] = [
        {k: v for k, v in u.items() if k not in ("credentials", "attributes")}
        for u in realm.get("users", []) if u.get("serviceAccountClientId")
    ]
    for client in realm.get("clients", []):
        client.pop("secret", None)
        if "description" in client:
            client["description"] = client["description"].replace("DEMO ONLY (well-known secret): ", "")
        client.get("attributes", {}).pop("client.secret.creation.time", None)
        if client.get("clientId") == "portal":
            base = portal_url.rstrip("/")
            client["baseUrl"] = base + "/"
            client["redirectUris"] = [base + "/*"]
            client.setdefault("attributes", {})["post.logout.redirect.uris"] = base + "/*"
    check(realm)
    return realm


def check(realm: dict) -> None:
    text = json.dumps(realm)
    problems = []
    if "demo-password" in text or "demo-secret" in text:
        problems.append("a demo password or secret is still in the realm")
    for u in realm.get("users", []):
        if not u.get("serviceAccountClientId") or "credentials" in u:
            problems.append("user " + u.get("username", "?") + " is a person or has credentials")
    for c in realm.get("clients", []):
        if "secret" in c:
            problems.append("client " + c.get("clientId", "?") + " still has a secret")
    if problems:
        sys.exit("realm-for-cluster: " + "; ".join(problems))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", nargs="?", default=str(ROOT / "identity" / "healthcheck-realm.json"))
    p.add_argument("target", nargs="?",
                   default=str(ROOT / "k8s" / "base" / "keycloak" / "generated" / "healthcheck-realm-import.json"))
    p.add_argument("--portal-url", default="https://healthcheck.example.gov.uk",
                   help="the portal's public address (its redirect and post-logout URIs)")
    p.add_argument("--keep-demo-clients", action="store_true", help="keep the clients named (DEMO)")
    args = p.parse_args()
    realm = for_cluster(json.loads(Path(args.source).read_text(encoding="utf-8")), args.portal_url,
                        args.keep_demo_clients)
    target = Path(args.target)
    target.parent.mkdir(parents=True, exist_ok=True)
    patch = {
        "apiVersion": "k8s.keycloak.org/v2alpha1",
        "kind": "KeycloakRealmImport",
        "metadata": {"name": "healthcheck"},
        "spec": {"realm": realm},
    }
    target.write_text(json.dumps(patch, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{target}: {len(realm.get('clients', []))} clients, {len(realm.get('roles', {}).get('realm', []))} realm "
          f"roles, {len(realm['users'])} service-account users, no persons, no secrets")


if __name__ == "__main__":
    main()
