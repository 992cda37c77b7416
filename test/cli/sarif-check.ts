// A focused SARIF 2.1.0 shape checker (no network, no schema download): for every object kind
// claimlint emits, the schema's required properties, the property names it allows
// (the schema sets additionalProperties: false), and the enums and minimums that apply.
type Obj = Record<string, unknown>;

const SPEC: Record<string, { required?: string[]; allowed: string[] }> = {
  log: { required: ['version', 'runs'], allowed: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'] },
  run: { required: ['tool'], allowed: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'] },
  tool: { required: ['driver'], allowed: ['driver', 'extensions', 'properties'] },
  toolComponent: { required: ['name'], allowed: ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'] },
  reportingDescriptor: { required: ['id'], allowed: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'] },
  reportingConfiguration: { allowed: ['enabled', 'level', 'rank', 'parameters', 'properties'] },
  multiformatMessageString: { required: ['text'], allowed: ['text', 'markdown', 'properties'] },
  message: { allowed: ['text', 'markdown', 'id', 'arguments', 'properties'] },
  result: { required: ['message'], allowed: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'] },
  location: { allowed: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'] },
  physicalLocation: { allowed: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'] },
  artifactLocation: { allowed: ['uri', 'uriBaseId', 'index', 'description', 'properties'] },
  region: { allowed: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'] },
  fix: { required: ['artifactChanges'], allowed: ['description', 'artifactChanges', 'properties'] },
  artifactChange: { required: ['artifactLocation', 'replacements'], allowed: ['artifactLocation', 'replacements', 'properties'] },
  replacement: { required: ['deletedRegion'], allowed: ['deletedRegion', 'insertedContent', 'properties'] },
  artifactContent: { allowed: ['text', 'binary', 'rendered', 'properties'] },
  invocation: { required: ['executionSuccessful'], allowed: ['commandLine', 'arguments', 'responseFiles', 'startTimeUtc', 'endTimeUtc', 'exitCode', 'ruleConfigurationOverrides', 'notificationConfigurationOverrides', 'toolExecutionNotifications', 'toolConfigurationNotifications', 'exitCodeDescription', 'exitSignalName', 'exitSignalNumber', 'processStartFailureMessage', 'executionSuccessful', 'machine', 'account', 'processId', 'executableLocation', 'workingDirectory', 'environmentVariables', 'stdin', 'stdout', 'stderr', 'stdoutStderr', 'properties'] },
  notification: { required: ['message'], allowed: ['locations', 'message', 'level', 'threadId', 'timeUtc', 'exception', 'descriptor', 'associatedRule', 'properties'] },
};
const LEVELS = ['none', 'note', 'warning', 'error'];

export function checkSarif(log: unknown): string[] {
  const errors: string[] = [];
  const obj = (v: unknown, kind: string, at: string): v is Obj => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      errors.push(`${at}: expected a ${kind} object`);
      return false;
    }
    const spec = SPEC[kind];
    for (const r of spec.required ?? []) if (!(r in (v as Obj))) errors.push(`${at}: ${kind} lacks required "${r}"`);
    for (const k of Object.keys(v as Obj)) if (!spec.allowed.includes(k)) errors.push(`${at}: "${k}" is not a ${kind} property`);
    if ('properties' in (v as Obj) && (typeof (v as Obj).properties !== 'object' || Array.isArray((v as Obj).properties))) errors.push(`${at}.properties: a property bag is an object`);
    return true;
  };
  const arr = (v: unknown, at: string, min = 0): v is unknown[] => {
    if (!Array.isArray(v)) { errors.push(`${at}: expected an array`); return false; }
    if (v.length < min) errors.push(`${at}: needs at least ${min} item(s)`);
    return true;
  };
  const int = (v: unknown, at: string, min: number) => {
    if (v === undefined) return;
    if (!Number.isInteger(v) || (v as number) < min) errors.push(`${at}: expected an integer >= ${min}, got ${JSON.stringify(v)}`);
  };
  const str = (v: unknown, at: string) => { if (v !== undefined && typeof v !== 'string') errors.push(`${at}: expected a string`); };
  const mfs = (v: unknown, at: string) => { if (v !== undefined && obj(v, 'multiformatMessageString', at)) str(v.text, `${at}.text`); };
  const message = (v: unknown, at: string) => {
    if (obj(v, 'message', at) && v.text === undefined && v.id === undefined) errors.push(`${at}: a message needs text or id`);
  };
  const level = (v: unknown, at: string) => { if (v !== undefined && !LEVELS.includes(v as string)) errors.push(`${at}: level ${JSON.stringify(v)} is not one of ${LEVELS.join(', ')}`); };
  const artifactLocation = (v: unknown, at: string) => {
    if (!obj(v, 'artifactLocation', at)) return;
    str(v.uri, `${at}.uri`);
    if (typeof v.uri === 'string' && /\s/.test(v.uri)) errors.push(`${at}.uri: not a valid URI reference (unescaped space)`);
  };
  const region = (v: unknown, at: string) => {
    if (!obj(v, 'region', at)) return;
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) int(v[k], `${at}.${k}`, 1);
    const { startLine: sl, startColumn: sc, endLine: el, endColumn: ec } = v as Record<string, number>;
    if (el !== undefined && sl !== undefined && el < sl) errors.push(`${at}: endLine before startLine`);
    if (el === sl && ec !== undefined && sc !== undefined && ec < sc) errors.push(`${at}: endColumn before startColumn`);
  };
  const physical = (v: unknown, at: string) => {
    if (!obj(v, 'physicalLocation', at)) return;
    if (v.address === undefined && v.artifactLocation === undefined) errors.push(`${at}: needs address or artifactLocation`);
    if (v.artifactLocation !== undefined) artifactLocation(v.artifactLocation, `${at}.artifactLocation`);
    if (v.region !== undefined) region(v.region, `${at}.region`);
  };
  const locations = (v: unknown, at: string) => {
    if (v === undefined || !arr(v, at)) return;
    v.forEach((l, i) => { if (obj(l, 'location', `${at}[${i}]`) && l.physicalLocation !== undefined) physical(l.physicalLocation, `${at}[${i}].physicalLocation`); });
  };

  if (!obj(log, 'log', '$')) return errors;
  if (log.version !== '2.1.0') errors.push('$.version: must be "2.1.0"');
  if (!arr(log.runs, '$.runs')) return errors;
  log.runs.forEach((run, ri) => {
    const at = `$.runs[${ri}]`;
    if (!obj(run, 'run', at)) return;
    if (run.columnKind !== undefined && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string)) errors.push(`${at}.columnKind: invalid`);
    if (run.originalUriBaseIds !== undefined) {
      for (const [k, v] of Object.entries(run.originalUriBaseIds as Obj)) {
        artifactLocation(v, `${at}.originalUriBaseIds.${k}`);
        if (typeof (v as Obj).uri === 'string' && !((v as Obj).uri as string).endsWith('/')) errors.push(`${at}.originalUriBaseIds.${k}.uri: should end with "/"`);
      }
    }
    let ruleIds: string[] = [];
    if (obj(run.tool, 'tool', `${at}.tool`) && obj(run.tool.driver, 'toolComponent', `${at}.tool.driver`)) {
      const d = run.tool.driver;
      str(d.name, `${at}.tool.driver.name`);
      if (d.rules !== undefined && arr(d.rules, `${at}.tool.driver.rules`)) {
        d.rules.forEach((r, i) => {
          const rat = `${at}.tool.driver.rules[${i}]`;
          if (!obj(r, 'reportingDescriptor', rat)) return;
          str(r.id, `${rat}.id`);
          ruleIds.push(r.id as string);
          mfs(r.shortDescription, `${rat}.shortDescription`);
          mfs(r.fullDescription, `${rat}.fullDescription`);
          mfs(r.help, `${rat}.help`);
          if (r.helpUri !== undefined && !/^https?:\/\/\S+$/.test(r.helpUri as string)) errors.push(`${rat}.helpUri: not an absolute URI`);
          if (r.defaultConfiguration !== undefined && obj(r.defaultConfiguration, 'reportingConfiguration', `${rat}.defaultConfiguration`)) level(r.defaultConfiguration.level, `${rat}.defaultConfiguration.level`);
        });
      }
    }
    if (run.invocations !== undefined && arr(run.invocations, `${at}.invocations`)) {
      run.invocations.forEach((inv, i) => {
        const iat = `${at}.invocations[${i}]`;
        if (!obj(inv, 'invocation', iat)) return;
        if (typeof inv.executionSuccessful !== 'boolean') errors.push(`${iat}.executionSuccessful: expected a boolean`);
        if (inv.toolExecutionNotifications !== undefined && arr(inv.toolExecutionNotifications, `${iat}.toolExecutionNotifications`)) {
          inv.toolExecutionNotifications.forEach((n, j) => {
            const nat = `${iat}.toolExecutionNotifications[${j}]`;
            if (!obj(n, 'notification', nat)) return;
            message(n.message, `${nat}.message`);
            level(n.level, `${nat}.level`);
            locations(n.locations, `${nat}.locations`);
          });
        }
      });
    }
    if (run.results !== undefined && arr(run.results, `${at}.results`)) {
      run.results.forEach((res, i) => {
        const rat = `${at}.results[${i}]`;
        if (!obj(res, 'result', rat)) return;
        message(res.message, `${rat}.message`);
        level(res.level, `${rat}.level`);
        int(res.ruleIndex, `${rat}.ruleIndex`, -1);
        if (typeof res.ruleIndex === 'number' && ruleIds[res.ruleIndex] !== res.ruleId) errors.push(`${rat}: ruleIndex does not point at ruleId`);
        locations(res.locations, `${rat}.locations`);
        if (res.partialFingerprints !== undefined) {
          for (const [k, v] of Object.entries(res.partialFingerprints as Obj)) str(v, `${rat}.partialFingerprints.${k}`);
        }
        if (res.fixes !== undefined && arr(res.fixes, `${rat}.fixes`)) {
          res.fixes.forEach((f, j) => {
            const fat = `${rat}.fixes[${j}]`;
            if (!obj(f, 'fix', fat)) return;
            if (f.description !== undefined) message(f.description, `${fat}.description`);
            if (!arr(f.artifactChanges, `${fat}.artifactChanges`, 1)) return;
            f.artifactChanges.forEach((c, k) => {
              const cat = `${fat}.artifactChanges[${k}]`;
              if (!obj(c, 'artifactChange', cat)) return;
              artifactLocation(c.artifactLocation, `${cat}.artifactLocation`);
              if (!arr(c.replacements, `${cat}.replacements`, 1)) return;
              c.replacements.forEach((r, m) => {
                const pat = `${cat}.replacements[${m}]`;
                if (!obj(r, 'replacement', pat)) return;
                region(r.deletedRegion, `${pat}.deletedRegion`);
                if (r.insertedContent !== undefined && obj(r.insertedContent, 'artifactContent', `${pat}.insertedContent`)) str(r.insertedContent.text, `${pat}.insertedContent.text`);
              });
            });
          });
        }
      });
    }
    ruleIds = [];
  });
  return errors;
}
