import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { manifestYaml } from './manifestYaml';
import type { DataProduct } from './queries';

/** The current manifest as YAML, read-only, with a copy button. */
export function ManifestTab({ product }: { product: DataProduct }) {
  const yaml = useQuery({
    queryKey: ['products', product.name, 'manifest-yaml', product.digest],
    queryFn: () => manifestYaml(product.manifest),
    staleTime: Infinity,
  });
  return (
    <div className="product-manifest">
      <p className="product-muted">
        r{product.revision}, as stored (defaults filled in). To change it, use Edit, or <code>PUT</code> this YAML to <code>/api/v1/data-products/{product.name}</code>.
      </p>
      {yaml.error ? (
        <ProblemView error={yaml.error} headingLevel={3} />
      ) : yaml.data === undefined ? (
        <Loading label="Preparing the YAML…" />
      ) : (
        <>
          <CopyButton text={yaml.data} />
          <pre className="product-manifest__yaml" tabIndex={0} aria-label={`Manifest of ${product.name} r${product.revision}, YAML`}>
            <code>{yaml.data}</code>
          </pre>
        </>
      )}
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage('Copied the manifest to the clipboard.');
    } catch {
      setMessage('Copying is not allowed here: select the text and copy it.');
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), 5000);
  };
  return (
    <p className="product-manifest__actions">
      <button type="button" className="button" onClick={copy}>
        Copy YAML
      </button>{' '}
      <span role="status" className="product-muted">
        {message}
      </span>
    </p>
  );
}
