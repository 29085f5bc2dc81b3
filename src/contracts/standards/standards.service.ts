import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { DataProductsService } from '../../catalog/data-products.service';
import type { Manifest } from '../../catalog/manifest/manifest.schema';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { ExportSource, Json } from './common';
import { exportContract } from './odcs';
import { exportProduct } from './odps';

/** The open-standard exports of a product's current (or a given) revision. */
@Injectable()
export class StandardsService {
  constructor(private readonly products: DataProductsService) {}

  /** One output's contract as ODCS; the output is its OpenLineage dataset name, with its namespace when two outputs share the name. */
  async contract(product: string, output: string, query: { namespace?: string; revision?: number }, actor: Principal): Promise<Json> {
    const source = await this.source(product, query.revision, actor);
    const matching = source.manifest.spec.outputs.filter((o) => o.name === output && (query.namespace === undefined || o.namespace === query.namespace));
    if (matching.length === 0) {
      const declared = source.manifest.spec.outputs.map((o) => o.name);
      throw new DomainError(ErrorCode.NOT_FOUND, `Revision ${source.revision} of ${product} declares no output ${output}${query.namespace ? ` in ${query.namespace}` : ''}.`, [
        { field: query.namespace && declared.includes(output) ? 'query.namespace' : 'output', message: declared.length ? `declared outputs: ${declared.join(', ')}` : 'the product declares no outputs' },
      ]);
    }
    if (matching.length > 1) {
      throw DomainError.validation([{ field: 'query.namespace', message: `is required: ${matching.length} outputs are named ${output} (${matching.map((o) => o.namespace).join(', ')})` }], 'The output name is ambiguous.');
    }
    return exportContract(source, matching[0]);
  }

  /** The product as ODPS. */
  async product(product: string, query: { revision?: number }, actor: Principal): Promise<Json> {
    return exportProduct(await this.source(product, query.revision, actor));
  }

  private async source(name: string, revision: number | undefined, actor: Principal): Promise<ExportSource> {
    const product = await this.products.get(name, actor);
    let manifest: Manifest = product.manifest;
    if (revision !== undefined && revision !== product.revision) manifest = (await this.products.revision(name, revision, actor)).manifest;
    return { manifest, revision: revision ?? product.revision, status: product.status };
  }
}
