export const DEFAULT_SERVER = 'http://127.0.0.1:7400';

export const USAGE = `Usage: gatehouse apply -f <file-or-folder> [-f ...] [--server URL] [--token TOKEN]
       gatehouse help

Apply data-product manifests to Gatehouse. Each manifest is PUT to
/api/v1/data-products/{metadata.name} and reported as created, updated or unchanged.
ODCS contracts (*.odcs.yaml, kind DataContract) and ODPS products (*.odps.yaml) among
the files are merged into the product they name (customProperties gatehouseProduct,
else dataProduct or id): the manifest in the same run, else the product on the server.

Options:
  -f, --filename <path>  A manifest file, or a folder searched recursively for *.yaml,
                         *.yml and *.json files (in sorted order). Repeat for several.
                         A YAML file may hold several manifests separated by ---.
  --server <url>         Gatehouse base URL. Default: $GATEHOUSE_URL, else ${DEFAULT_SERVER}
  --token <token>        Bearer token. Default: $GATEHOUSE_TOKEN (prefer the variable:
                         command-line arguments are visible to other users of the machine)
  -h, --help             Show this help

Exit status: 0 when every manifest was applied, 1 when any failed or the server could
not be used, 2 for a usage error.

Example:
  GATEHOUSE_TOKEN=... npx gatehouse apply -f examples/products/
`;

/** A mistake in how the command was called: reported with the usage text, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
