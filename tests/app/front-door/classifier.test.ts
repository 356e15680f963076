import { classify, features, shippedRouterModel, train } from '../../../src/app/front-door/classifier.js';

describe('the front door model', () => {
  it('learns the classes from examples and is surest where the words say most', () => {
    const model = train(
      [
        { features: features('mag ik chatgpt gebruiken', ['permission']), label: 'check' },
        { features: features('kan ik deepl inzetten', ['permission']), label: 'check' },
        { features: features('scan onze mappen', ['scanWords']), label: 'scan' },
        { features: features('hoe netjes is onze schijf', []), label: 'scan' },
        { features: features('wat zijn de kernwaarden', []), label: 'vision' },
        { features: features('wat zegt de visie over privacy', []), label: 'vision' },
        { features: features('bedankt', []), label: 'intent' },
        { features: features('wie ben jij', []), label: 'intent' },
      ],
      { trainedOn: 'spec' },
    );
    expect(classify(model, features('mag ik copilot gebruiken', ['permission'])).check).toBeGreaterThan(0.5);
    expect(classify(model, features('scan de schijf', ['scanWords'])).scan).toBeGreaterThan(0.5);
    const p = classify(model, features('wat zegt de visie', []));
    expect(p.vision).toBeGreaterThan(Math.max(p.check, p.scan, p.intent));
  });

  it('cuts words to six letters, so that forms of one word meet', () => {
    expect(features('Scannen gescand', [])).toEqual(expect.arrayContaining(['scanne', 'gescan']));
    expect(features('a b', ['permission'])).toEqual(expect.arrayContaining(['#permission', '#short', 'a_b']));
  });

  it('ships a model trained on the development sets, with its threshold', () => {
    const model = shippedRouterModel();
    expect(model?.trainedOn).toMatch(/router-dev\.yaml.*router-dev5\.yaml/);
    expect(model?.threshold).toBeGreaterThanOrEqual(0.5);
  });
});
