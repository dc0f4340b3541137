import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { moduleModel, type ModuleModel } from '../analysis/model.js';
import { findProperty, propertyOf, resolveExpression, resolvePrimitive, resolveStringList } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';

const scenario = 'claims-challenge';

export default createRule({
  name: 'handle-claims-challenge',
  meta: {
    type: 'suggestion',
    docs: { description: "Require CAE-capable clients to pass a claims challenge's `claims` back into token acquisition, and the reverse", strict: true },
    schema: [],
    defaultOptions: [],
    messages: {
      neverPassesClaims:
        "This client declares CAE capability ({{how}}), so Graph may answer 401 with a claims challenge; no token request in this module passes the challenge's `claims` back, so the app stays locked out ({{scenario}}).",
      notCapable:
        "This request passes `claims`, but the client does not declare CAE capability (`clientCapabilities: ['CP1']`), so Graph sends no claims challenges to answer and tokens stay short-lived ({{scenario}}).",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    /** Nodes declaring CAE: MSAL `clientCapabilities` holding CP1, identity `enableCae: true`. */
    function declarations(model: ModuleModel): { node: TSESTree.Node; how: string }[] {
      const found: { node: TSESTree.Node; how: string }[] = [];
      for (const source of model.sources) {
        const capabilities = capabilitiesNode(source.config);
        const values = capabilities === undefined ? undefined : resolveStringList(sourceCode, capabilities);
        if (capabilities !== undefined && values?.some((value) => value.value.toUpperCase() === 'CP1') === true) {
          found.push({ node: capabilities, how: "clientCapabilities: ['CP1']" });
        }
      }
      for (const request of model.tokenRequests) {
        const enableCae = propertyOf(sourceCode, request.options, 'enableCae');
        if (enableCae !== undefined && resolvePrimitive(sourceCode, enableCae) === true) found.push({ node: enableCae, how: 'enableCae: true' });
      }
      return found;
    }
    function capabilitiesNode(config: TSESTree.Node | undefined): TSESTree.Node | undefined {
      return propertyOf(sourceCode, propertyOf(sourceCode, config, 'auth'), 'clientCapabilities');
    }
    /** Only MSAL apps whose whole `auth` config is written out here can be said to lack CP1. */
    function knownNotCapable(model: ModuleModel): boolean {
      const apps = model.sources.filter((source) => source.library === 'msal');
      return (
        apps.length > 0 &&
        apps.every((app) => {
          const auth = propertyOf(sourceCode, app.config, 'auth');
          const object = auth === undefined ? undefined : resolveExpression(sourceCode, auth);
          return (
            object?.type === AST_NODE_TYPES.ObjectExpression &&
            object.properties.every((property) => property.type === AST_NODE_TYPES.Property) &&
            findProperty(sourceCode, object, 'clientCapabilities') === undefined
          );
        })
      );
    }
    return {
      'Program:exit'() {
        const model = moduleModel(context);
        const claims = model.tokenRequests
          .map((request) => propertyOf(sourceCode, request.options, 'claims'))
          .filter((node) => node !== undefined);
        const declared = declarations(model);
        if (claims.length === 0) {
          for (const { node, how } of declared) context.report({ node, messageId: 'neverPassesClaims', data: { how, scenario } });
        } else if (declared.length === 0 && knownNotCapable(model)) {
          for (const node of claims) context.report({ node, messageId: 'notCapable', data: { scenario } });
        }
      },
    };
  },
});
